# ragchat's container image: built from source, run as a non-root user.
#   docker build -t ragchat .
#   docker run -p 8443:8443 -e RAGCHAT_MASTER_KEY=... ragchat
# (compose.yaml runs it in the production profile beside Atlas local and MinIO.)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl api -am

FROM eclipse-temurin:21-jre
# Tesseract reads scanned pages; curl serves the health check; libgomp1 is the OpenMP
# runtime llama.cpp's native library (ragchat.chat.generator=llama-cpp) links against
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr curl libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ragchat \
    && mkdir -p /app/data /app/certs \
    && chown -R ragchat /app
WORKDIR /app
COPY --from=build /src/api/target/ragchat.jar /app/ragchat.jar
USER 10001
ENV RAGCHAT_DATA_DIR=/app/data \
    RAGCHAT_TLS_CERT=/app/certs/server.crt \
    RAGCHAT_TLS_KEY=/app/certs/server.key
EXPOSE 8443
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=12 \
    CMD curl -kfs https://localhost:8443/actuator/health || exit 1
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/ragchat.jar"]
