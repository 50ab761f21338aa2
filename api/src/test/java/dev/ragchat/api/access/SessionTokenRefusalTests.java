package dev.ragchat.api.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every refusal a session token can meet, on a real JWT-protected route. Each forged
 * token differs from an accepted one in exactly one respect;
 * {@link #acceptsTokenForgedWithTheRealKey} shows the forgery itself is otherwise sound.
 */
class SessionTokenRefusalTests extends AbstractWebIntegrationTests {

	@Value("${ragchat.jwt.secret}")
	String secret;

	String keyId;

	String apiKey;

	String sessionId;

	@BeforeEach
	void startSession() throws Exception {
		JsonNode key = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\"]}");
		this.keyId = key.get("id").asText();
		this.apiKey = key.get("key").asText();
		this.sessionId = Calls.startSession(this.mvc, this.apiKey, "default").get("sessionId").asText();
	}

	@Test
	void acceptsTokenForgedWithTheRealKey() throws Exception {
		call(token(UnaryOperator.identity())).andExpect(status().isOk())
			.andExpect(jsonPath("$.sessionId").value(this.sessionId));
	}

	@Test
	void rejectsUnsignedToken() throws Exception {
		refused(claims(UnaryOperator.identity()).compact());
	}

	@Test
	void rejectsAlgNoneWithSignatureStripped() throws Exception {
		String[] parts = token(UnaryOperator.identity()).split("\\.");
		String none = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"typ\":\"session+jwt\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		refused(none + "." + parts[1] + ".");
	}

	@Test
	void rejectsOtherAlgorithmEvenWithTheRightKey() throws Exception {
		SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(this.secret), "HmacSHA512");
		refused(claims(UnaryOperator.identity()).signWith(key, Jwts.SIG.HS512).compact());
	}

	@Test
	void rejectsBadSignature() throws Exception {
		SecretKey other = new SecretKeySpec(new byte[64], "HmacSHA256");
		refused(claims(UnaryOperator.identity()).signWith(other, Jwts.SIG.HS256).compact());
	}

	@Test
	void rejectsTamperedPayload() throws Exception {
		String[] parts = token(UnaryOperator.identity()).split("\\.");
		// another last character, whatever the random session id ends in
		String other = this.sessionId.endsWith("0") ? "1" : "0";
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(this.sessionId, this.sessionId.substring(0, this.sessionId.length() - 1) + other);
		refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
				+ parts[2]);
	}

	@Test
	void rejectsWrongIssuer() throws Exception {
		refused(token((b) -> b.issuer("someone-else")));
	}

	@Test
	void rejectsWrongAudience() throws Exception {
		refused(token((b) -> b.audience().single("another-service")));
	}

	@Test
	void rejectsWrongType() throws Exception {
		refused(token((b) -> b.header().type("JWT").and()));
	}

	@Test
	void rejectsMissingExpiry() throws Exception {
		refused(token((b) -> b.expiration(null)));
	}

	@Test
	void rejectsExpiredToken() throws Exception {
		refused(token((b) -> b.expiration(Date.from(Instant.now().minusSeconds(1)))));
	}

	@Test
	void rejectsNotBeforeMoreThan30SecondsAhead() throws Exception {
		refused(token((b) -> b.notBefore(Date.from(Instant.now().plusSeconds(45)))));
	}

	@Test
	void acceptsNotBeforeWithinClockSkew() throws Exception {
		call(token((b) -> b.notBefore(Date.from(Instant.now().plusSeconds(10))))).andExpect(status().isOk());
	}

	@Test
	void rejectsIssuedAtMoreThan30SecondsAhead() throws Exception {
		refused(token((b) -> b.issuedAt(Date.from(Instant.now().plusSeconds(45)))));
	}

	@Test
	void rejectsMissingTokenId() throws Exception {
		refused(token((b) -> b.id(null)));
	}

	@Test
	void rejectsMissingKeyClaim() throws Exception {
		refused(token((b) -> b.claim("key", null)));
	}

	@Test
	void rejectsOversizedToken() throws Exception {
		refused(token((b) -> b.header().add("padding", "x".repeat(SessionTokens.MAX_TOKEN_LENGTH)).and()));
	}

	@Test
	void rejectsTokenOfRevokedKey() throws Exception {
		String token = token(UnaryOperator.identity());
		call(token).andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/keys/" + this.keyId).secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		refused(token);
	}

	@Test
	void rejectsTokenOfEndedSession() throws Exception {
		String token = token(UnaryOperator.identity());
		this.mvc
			.perform(delete("/api/v1/sessions/" + this.sessionId).secure(true)
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		refused(token);
	}

	@Test
	void rejectsTokenOfUnknownKey() throws Exception {
		refused(token((b) -> b.claim("key", "key_doesnotexist0000")));
	}

	@Test
	void rejectsTokenWhoseKeyClaimNamesAnotherKeyThanTheSessions() throws Exception {
		// another live key with the chat scope, so only the mismatch can be the reason
		String otherKeyId = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\"]}").get("id").asText();
		refused(token((b) -> b.claim("key", otherKeyId)));
	}

	@Test
	void rejectsOtherSchemes() throws Exception {
		this.mvc
			.perform(get("/api/v1/sessions/" + this.sessionId).secure(true)
				.header("Authorization", "Basic " + token(UnaryOperator.identity())))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private JwtBuilder claims(UnaryOperator<JwtBuilder> change) {
		Instant now = Instant.now();
		JwtBuilder builder = Jwts.builder()
			.header()
			.type(SessionTokens.TYPE)
			.and()
			.issuer("ragchat")
			.audience()
			.add("ragchat-chat")
			.and()
			.subject(this.sessionId)
			.id(UUID.randomUUID().toString())
			.claim("key", this.keyId)
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(Duration.ofMinutes(5))));
		return change.apply(builder);
	}

	private String token(UnaryOperator<JwtBuilder> change) {
		SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(this.secret), "HmacSHA256");
		return claims(change).signWith(key, Jwts.SIG.HS256).compact();
	}

	private ResultActions call(String token) throws Exception {
		return this.mvc
			.perform(get("/api/v1/sessions/" + this.sessionId).secure(true).header("Authorization", "Bearer " + token));
	}

	private void refused(String token) throws Exception {
		call(token).andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

}
