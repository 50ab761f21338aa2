package dev.ragchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs one benchmark against ragchat's real modules (ingestion, retrieval, the embedding
 * model, the Lucene index) on a fresh temporary data directory:
 *
 * <pre>
 * java -jar benchmarks/target/ragchat-benchmarks.jar ingestion [--corpus=../shared/data/scifact] [--pages=400]
 * java -jar benchmarks/target/ragchat-benchmarks.jar retrieval [--corpus=../shared/data/scifact] [--sweep]
 * </pre>
 */
@SpringBootApplication(scanBasePackages = "dev.ragchat", exclude = UserDetailsServiceAutoConfiguration.class)
public class Benchmarks {

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("ingestion") || args[0].equals("retrieval"))) {
			System.err.println("usage: ragchat-benchmarks (ingestion|retrieval) [--corpus=DIR] [--pages=N]");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		Arrays.stream(args).skip(1).filter((a) -> a.startsWith("--")).forEach((a) -> {
			String[] pair = a.substring(2).split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		});
		Path corpus = Path.of(options.getOrDefault("corpus", "../shared/data/scifact"));
		Path dataDir = Files.createTempDirectory("ragchat-benchmark");
		SpringApplication application = new SpringApplication(Benchmarks.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(Map.of("ragchat.data-dir", dataDir.toString(), "spring.datasource.url",
				"jdbc:h2:file:" + dataDir.resolve("catalog/ragchat"), "logging.level.root", "warn",
				"ragchat.ingestion.workers", options.getOrDefault("workers", "2")));
		try (ConfigurableApplicationContext context = application.run()) {
			if (args[0].equals("ingestion")) {
				new IngestionBenchmark(context, corpus, Integer.parseInt(options.getOrDefault("pages", "400"))).run();
			}
			else {
				new RetrievalBenchmark(context, corpus, options.containsKey("sweep")).run();
			}
		}
		finally {
			deleteRecursively(dataDir);
		}
	}

	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
