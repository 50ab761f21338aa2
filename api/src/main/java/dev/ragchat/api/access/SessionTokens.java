package dev.ragchat.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.ragchat.api.PrivateFiles;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * Issues and verifies chat-session JWTs (jjwt). One algorithm is pinned (HS256); the
 * {@code typ} header, {@code iss}, {@code aud}, {@code exp}, {@code jti} and the key
 * claim are required; {@code nbf} and {@code iat} may lie at most {@value #SKEW_SECONDS}
 * s in the future.
 */
public final class SessionTokens {

	private static final Logger logger = LoggerFactory.getLogger(SessionTokens.class);

	static final String TYPE = "session+jwt";

	static final String ALGORITHM = "HS256";

	static final String KEY_CLAIM = "key";

	static final String KEY_FILE = "jwt-signing.key";

	static final int SKEW_SECONDS = 30;

	/** Far above any token ragchat issues (about 400 bytes), far below header limits. */
	static final int MAX_TOKEN_LENGTH = 4096;

	private static final int KEY_BYTES = 64;

	private final SecretKey key;

	private final JwtProperties properties;

	private final Clock clock;

	private final JwtParser parser;

	public SessionTokens(JwtProperties properties, Path dataDir, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.key = new SecretKeySpec(secret(properties.secret(), dataDir), "HmacSHA256");
		this.parser = Jwts.parser()
			.keyLocator(new PinnedKeyLocator())
			.requireIssuer(properties.issuer())
			.requireAudience(properties.audience())
			.clockSkewSeconds(SKEW_SECONDS)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/**
	 * @return the token lifetime configured
	 */
	public Duration ttl() {
		return this.properties.ttl();
	}

	/**
	 * Issues a token for a session.
	 * @param sessionId the subject
	 * @param keyId the API key that started the session
	 * @param expiresAt when the token expires
	 * @return the compact JWS
	 */
	public String issue(String sessionId, String keyId, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.type(TYPE)
			.and()
			.issuer(this.properties.issuer())
			.audience()
			.add(this.properties.audience())
			.and()
			.subject(sessionId)
			.id(UUID.randomUUID().toString())
			.claim(KEY_CLAIM, keyId)
			.issuedAt(Date.from(this.clock.instant()))
			.expiration(Date.from(expiresAt))
			.signWith(this.key, Jwts.SIG.HS256)
			.compact();
	}

	/**
	 * Verifies a token.
	 * @param token the compact JWS
	 * @return its session and key
	 * @throws InvalidSessionTokenException with a reason safe to show the caller
	 */
	public SessionClaims verify(String token) {
		if (token == null || token.isEmpty()) {
			throw new InvalidSessionTokenException("The session token is empty");
		}
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidSessionTokenException("The session token is too large");
		}
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (io.jsonwebtoken.ExpiredJwtException ex) {
			// jjwt checks the signature before the expiry: these claims are ours
			throw new InvalidSessionTokenException("The session token has expired",
					ex.getClaims().get(KEY_CLAIM, String.class));
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new InvalidSessionTokenException("The session token is not valid");
		}
		Instant now = this.clock.instant();
		if (claims.getExpiration() == null || !claims.getExpiration().toInstant().isAfter(now)) {
			throw (claims.getExpiration() == null) ? new InvalidSessionTokenException("The session token has no expiry")
					: new InvalidSessionTokenException("The session token has expired",
							claims.get(KEY_CLAIM, String.class));
		}
		if (claims.getIssuedAt() != null && claims.getIssuedAt().toInstant().isAfter(now.plusSeconds(SKEW_SECONDS))) {
			throw new InvalidSessionTokenException("The session token was issued in the future");
		}
		String keyId = claims.get(KEY_CLAIM, String.class);
		if (!StringUtils.hasText(claims.getId()) || !StringUtils.hasText(claims.getSubject())
				|| !StringUtils.hasText(keyId)) {
			throw new InvalidSessionTokenException("The session token lacks a required claim");
		}
		return new SessionClaims(claims.getSubject(), keyId, claims.getExpiration().toInstant());
	}

	private static byte[] secret(String configured, Path dataDir) {
		if (StringUtils.hasText(configured)) {
			byte[] bytes = Base64.getDecoder().decode(configured.strip());
			if (bytes.length < KEY_BYTES) {
				throw new IllegalStateException(
						"ragchat.jwt.secret must hold at least " + KEY_BYTES + " bytes (Base64)");
			}
			return bytes;
		}
		Path file = dataDir.resolve(KEY_FILE);
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] bytes = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(bytes);
			PrivateFiles.writeNew(file, Base64.getEncoder().encode(bytes));
			logger.info("Generated the session-token signing key into {}", file);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the signing key " + file, ex);
		}
	}

	/**
	 * Hands out the key only for a JWS whose header names the pinned algorithm and type,
	 * so no other algorithm is ever tried (jjwt itself refuses {@code alg: none}).
	 */
	private final class PinnedKeyLocator extends LocatorAdapter<Key> {

		@Override
		protected Key locate(JwsHeader header) {
			if (!ALGORITHM.equals(header.getAlgorithm())) {
				throw new UnsupportedJwtException("Unexpected algorithm");
			}
			if (!TYPE.equals(header.getType())) {
				throw new UnsupportedJwtException("Unexpected token type");
			}
			return SessionTokens.this.key;
		}

		@Override
		protected Key locate(JweHeader header) {
			throw new UnsupportedJwtException("Encrypted tokens are not accepted");
		}

	}

	/**
	 * What a verified token says.
	 *
	 * @param sessionId the session
	 * @param keyId the API key behind it
	 * @param expiresAt the token's expiry
	 */
	public record SessionClaims(String sessionId, String keyId, Instant expiresAt) {

	}

	/**
	 * A token that must be refused; the message is safe to show.
	 */
	public static final class InvalidSessionTokenException extends RuntimeException {

		private final transient String expiredTokenKeyId;

		InvalidSessionTokenException(String message) {
			this(message, null);
		}

		InvalidSessionTokenException(String message, String expiredTokenKeyId) {
			super(message);
			this.expiredTokenKeyId = expiredTokenKeyId;
		}

		/**
		 * @return the key id of a correctly signed token that has expired, or
		 * {@code null}: whether its key expired too is for the caller to look up
		 */
		public String expiredTokenKeyId() {
			return this.expiredTokenKeyId;
		}

	}

}
