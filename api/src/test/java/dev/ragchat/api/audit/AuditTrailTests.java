package dev.ragchat.api.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.keys.Hashes;
import dev.ragchat.api.keys.KeyFormat;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each security-relevant action writes exactly one audit event with its time, key id,
 * address, action, target and outcome, and no event holds a secret.
 */
class AuditTrailTests extends AbstractWebIntegrationTests {

	@Autowired
	Audit audit;

	@Autowired
	ApiKeyStore store;

	@Value("${ragchat.jwt.secret}")
	String jwtSecret;

	@TempDir
	Path dir;

	@Test
	void issuingAKeyWritesOneKeyIssuedEventByTheMasterKey() throws Exception {
		String id = Calls.issueKey(this.mvc, this.masterKey, "{}").get("id").asText();
		JsonNode event = AuditLog.single(file(), "key.issued", "key:" + id);
		assertThat(event.get("keyId").asText()).isEqualTo("master");
		assertThat(event.get("address").asText()).isEqualTo("127.0.0.1");
		assertThat(event.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void revokingAKeyWritesOneKeyRevokedEvent() throws Exception {
		String id = Calls.issueKey(this.mvc, this.masterKey, "{}").get("id").asText();
		this.mvc.perform(delete("/api/v1/keys/" + id).secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isNoContent());
		JsonNode event = AuditLog.single(file(), "key.revoked", "key:" + id);
		assertThat(event.get("keyId").asText()).isEqualTo("master");
		assertThat(event.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void usingAnExpiredKeyWritesOneRefusedEventWithItsId() throws Exception {
		String key = KeyFormat.newKey();
		String id = "key_expired" + System.nanoTime();
		Instant past = Instant.now().minus(Duration.ofMinutes(1));
		this.store.save(new ApiKey(id, null, Set.of(Scope.CHAT), List.of("*"), past.minus(Duration.ofHours(1)), past,
				null, null), Hashes.sha256Hex(key));
		this.mvc.perform(get("/api/v1/knowledge-bases").secure(true).header("X-API-Key", key))
			.andExpect(status().isUnauthorized());
		JsonNode event = AuditLog.single(file(), "key.expired-used", "key:" + id);
		assertThat(event.get("keyId").asText()).isEqualTo(id);
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
	}

	@Test
	void aSessionTokenOfAnExpiredKeyWritesOneExpiredUseEventWithItsId() throws Exception {
		String id = "key_expired" + System.nanoTime();
		Instant past = Instant.now().minus(Duration.ofMinutes(1));
		this.store.save(new ApiKey(id, null, Set.of(Scope.CHAT), List.of("*"), past.minus(Duration.ofHours(1)), past,
				null, null), Hashes.sha256Hex(KeyFormat.newKey()));
		// the token ran out with its key (tokens never outlive their key) ...
		this.mvc
			.perform(get("/api/v1/sessions/ses_gone").secure(true)
				.header("Authorization", "Bearer " + token("ses_gone", id, past))
				.with(from("10.1.0.4")))
			.andExpect(status().isUnauthorized());
		// ... or is still within its own lifetime
		this.mvc
			.perform(get("/api/v1/sessions/ses_gone").secure(true)
				.header("Authorization", "Bearer " + token("ses_gone", id, Instant.now().plus(Duration.ofMinutes(5))))
				.with(from("10.1.0.5")))
			.andExpect(status().isUnauthorized());
		for (String address : List.of("10.1.0.4", "10.1.0.5")) {
			JsonNode event = AuditLog.single(file(), (e) -> address.equals(e.path("address").asText()));
			assertThat(event.get("action").asText()).isEqualTo("key.expired-used");
			assertThat(event.get("target").asText()).isEqualTo("key:" + id);
			assertThat(event.get("keyId").asText()).isEqualTo(id);
			assertThat(event.get("outcome").asText()).isEqualTo("refused");
		}
	}

	@Test
	void anExpiredSessionTokenOfAnActiveKeyIsAFailedSignInNotAnExpiredKey() throws Exception {
		String id = Calls.issueKey(this.mvc, this.masterKey, "{}").get("id").asText();
		this.mvc
			.perform(get("/api/v1/sessions/ses_old").secure(true)
				.header("Authorization", "Bearer " + token("ses_old", id, Instant.now().minus(Duration.ofMinutes(1))))
				.with(from("10.1.0.6")))
			.andExpect(status().isUnauthorized());
		JsonNode event = AuditLog.single(file(), (e) -> "10.1.0.6".equals(e.path("address").asText()));
		assertThat(event.get("action").asText()).isEqualTo("sign-in.failed");
		assertThat(event.get("target").asText()).isEqualTo("credential:session-token");
	}

	@Test
	void aBadApiKeyWritesOneFailedSignInEvent() throws Exception {
		this.mvc
			.perform(get("/api/v1/knowledge-bases").secure(true)
				.header("X-API-Key", KeyFormat.newKey())
				.with(from("10.1.0.1")))
			.andExpect(status().isUnauthorized());
		JsonNode event = AuditLog.single(file(), (e) -> "10.1.0.1".equals(e.path("address").asText()));
		assertThat(event.get("action").asText()).isEqualTo("sign-in.failed");
		assertThat(event.get("target").asText()).isEqualTo("credential:api-key");
		assertThat(event.get("outcome").asText()).isEqualTo("failed");
		assertThat(event.has("keyId")).isFalse();
	}

	@Test
	void aBadMasterKeyWritesOneFailedSignInEvent() throws Exception {
		this.mvc.perform(
				get("/api/v1/keys").secure(true).header("X-Master-Key", "not-the-master-key").with(from("10.1.0.2")))
			.andExpect(status().isUnauthorized());
		JsonNode event = AuditLog.single(file(), (e) -> "10.1.0.2".equals(e.path("address").asText()));
		assertThat(event.get("action").asText()).isEqualTo("sign-in.failed");
		assertThat(event.get("target").asText()).isEqualTo("credential:master-key");
		assertThat(event.get("outcome").asText()).isEqualTo("failed");
	}

	@Test
	void creatingAKnowledgeBaseWritesOneEvent() throws Exception {
		String kb = createKnowledgeBase("audited");
		JsonNode event = AuditLog.single(file(), "knowledge-base.created", "knowledge-base:" + kb);
		assertThat(event.get("keyId").asText()).isEqualTo("master");
		assertThat(event.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void deletingAKnowledgeBaseWritesOneEventWithTheAdminKeysId() throws Exception {
		String kb = createKnowledgeBase("doomed");
		JsonNode admin = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"admin\"]}");
		this.mvc
			.perform(
					delete("/api/v1/knowledge-bases/" + kb).secure(true).header("X-API-Key", admin.get("key").asText()))
			.andExpect(status().isNoContent());
		JsonNode event = AuditLog.single(file(), "knowledge-base.deleted", "knowledge-base:" + kb);
		assertThat(event.get("keyId").asText()).isEqualTo(admin.get("id").asText());
		assertThat(event.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void uploadingADocumentWritesOneCreatedEventAndDeletingItOneDeletedEvent() throws Exception {
		String kb = createKnowledgeBase("uploads");
		JsonNode uploader = Calls.issueKey(this.mvc, this.masterKey,
				"{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + kb + "\"]}");
		String key = uploader.get("key").asText();
		String doc = Calls
			.uploadAndAwait(this.mvc, key, kb, "notes.txt",
					"Audit trails record who did what.".getBytes(StandardCharsets.UTF_8))
			.get("id")
			.asText();
		JsonNode created = AuditLog.single(file(), "document.created", "document:" + kb + "/" + doc);
		assertThat(created.get("keyId").asText()).isEqualTo(uploader.get("id").asText());
		this.mvc
			.perform(
					delete("/api/v1/knowledge-bases/" + kb + "/documents/" + doc).secure(true).header("X-API-Key", key))
			.andExpect(status().isNoContent());
		JsonNode deleted = AuditLog.single(file(), "document.deleted", "document:" + kb + "/" + doc);
		assertThat(deleted.get("keyId").asText()).isEqualTo(uploader.get("id").asText());
		assertThat(deleted.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void aRefusedKnowledgeBaseCreationWritesOneRefusedEvent() throws Exception {
		JsonNode chat = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\"]}");
		this.mvc
			.perform(post("/api/v1/knowledge-bases").secure(true)
				.header("X-API-Key", chat.get("key").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"not allowed\"}"))
			.andExpect(status().isForbidden());
		JsonNode event = AuditLog.single(file(), (e) -> chat.get("id").asText().equals(e.path("keyId").asText()));
		assertThat(event.get("action").asText()).isEqualTo("knowledge-base.created");
		assertThat(event.get("target").asText()).isEqualTo("knowledge-bases");
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
		assertThat(event.get("detail").get("reason").asText()).contains("'admin' scope");
	}

	@Test
	void aRefusedKnowledgeBaseDeletionWritesOneRefusedEvent() throws Exception {
		String kb = createKnowledgeBase("kept");
		JsonNode other = Calls.issueKey(this.mvc, this.masterKey,
				"{\"scopes\":[\"admin\"],\"knowledgeBases\":[\"default\"]}");
		this.mvc
			.perform(
					delete("/api/v1/knowledge-bases/" + kb).secure(true).header("X-API-Key", other.get("key").asText()))
			.andExpect(status().isNotFound());
		JsonNode event = AuditLog.single(file(), "knowledge-base.deleted", "knowledge-base:" + kb);
		assertThat(event.get("keyId").asText()).isEqualTo(other.get("id").asText());
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
		assertThat(event.get("detail").get("reason").asText()).isEqualTo("No knowledge base '" + kb + "'");
	}

	@Test
	void aRefusedUploadWritesOneRefusedDocumentEvent() throws Exception {
		String kb = createKnowledgeBase("closed");
		JsonNode chat = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\"]}");
		this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + kb + "/documents")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", chat.get("key").asText()))
			.andExpect(status().isForbidden());
		JsonNode event = AuditLog.single(file(), "document.created", "documents:" + kb);
		assertThat(event.get("keyId").asText()).isEqualTo(chat.get("id").asText());
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
	}

	@Test
	void aRefusedReplacementWritesOneRefusedDocumentEvent() throws Exception {
		String kb = createKnowledgeBase("replacing");
		JsonNode uploader = Calls.issueKey(this.mvc, this.masterKey,
				"{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + kb + "\"]}");
		this.mvc
			.perform(multipart(org.springframework.http.HttpMethod.PUT,
					"/api/v1/knowledge-bases/" + kb + "/documents/doc_missing")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8)))
				.secure(true)
				.header("X-API-Key", uploader.get("key").asText()))
			.andExpect(status().isNotFound());
		JsonNode event = AuditLog.single(file(), "document.replaced", "document:" + kb + "/doc_missing");
		assertThat(event.get("keyId").asText()).isEqualTo(uploader.get("id").asText());
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
	}

	@Test
	void aRefusedDocumentDeletionWritesOneRefusedEvent() throws Exception {
		String kb = createKnowledgeBase("guarded");
		JsonNode chat = Calls.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"chat\"]}");
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + kb + "/documents/doc_any").secure(true)
				.header("X-API-Key", chat.get("key").asText()))
			.andExpect(status().isForbidden());
		JsonNode event = AuditLog.single(file(), "document.deleted", "document:" + kb + "/doc_any");
		assertThat(event.get("keyId").asText()).isEqualTo(chat.get("id").asText());
		assertThat(event.get("outcome").asText()).isEqualTo("refused");
	}

	@Test
	void startingASessionWritesOneEvent() throws Exception {
		String kb = createKnowledgeBase("sessions");
		JsonNode chat = Calls.issueKey(this.mvc, this.masterKey, "{\"knowledgeBases\":[\"" + kb + "\"]}");
		String session = Calls.startSession(this.mvc, chat.get("key").asText(), kb).get("sessionId").asText();
		JsonNode event = AuditLog.single(file(), "session.started", "session:" + session);
		assertThat(event.get("keyId").asText()).isEqualTo(chat.get("id").asText());
		assertThat(event.get("detail").get("knowledgeBase").asText()).isEqualTo(kb);
		assertThat(event.get("outcome").asText()).isEqualTo("success");
	}

	@Test
	void askingWritesOneQuestionEventWithItsHashOnlyAndOneEventWithTheSourcesCited() throws Exception {
		Chat chat = chat();
		String question = "When was the lighthouse on Kestrel Point automated?";
		ask(chat, question).andExpect(status().isOk());
		JsonNode asked = AuditLog.single(file(), "question.asked", "session:" + chat.session);
		assertThat(asked.get("keyId").asText()).isEqualTo(chat.keyId);
		assertThat(asked.get("detail").get("questionSha256").asText()).isEqualTo(Hashes.sha256Hex(question));
		assertThat(asked.get("detail").has("question")).isFalse();
		JsonNode cited = AuditLog.single(file(), "sources.cited", "session:" + chat.session);
		assertThat(cited.get("detail").get("sources").get(0).get("documentId").asText()).isEqualTo(chat.document);
		assertThat(cited.get("detail").get("sources").get(0).get("page").asInt()).isEqualTo(3);
		assertThat(Files.readString(file())).doesNotContain(question);
	}

	@Test
	void aStreamedAnswerWritesOneQuestionEventAndItsSourcesWithTheCallersAddress() throws Exception {
		Chat chat = chat();
		MvcResult started = this.mvc
			.perform(post("/api/v1/sessions/" + chat.session + "/messages").secure(true)
				.header("Authorization", "Bearer " + chat.token)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}")
				.with(from("10.1.0.3")))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		JsonNode asked = AuditLog.single(file(), "question.asked", "session:" + chat.session);
		assertThat(asked.get("address").asText()).isEqualTo("10.1.0.3");
		JsonNode cited = AuditLog.single(file(), "sources.cited", "session:" + chat.session);
		assertThat(cited.get("address").asText()).isEqualTo("10.1.0.3");
		assertThat(cited.get("detail").get("sources").get(0).get("documentId").asText()).isEqualTo(chat.document);
	}

	@Test
	void noEventHoldsTheMasterKeyAnApiKeyASessionTokenOrASecret() throws Exception {
		Chat chat = chat();
		ask(chat, "When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk());
		String wrongMaster = "wrong-master-key-" + System.nanoTime();
		this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", wrongMaster))
			.andExpect(status().isUnauthorized());
		String mistyped = chat.key.substring(0, chat.key.length() - 1)
				+ ((chat.key.charAt(chat.key.length() - 1) == 'A') ? 'B' : 'A');
		this.mvc.perform(get("/api/v1/knowledge-bases").secure(true).header("X-API-Key", mistyped))
			.andExpect(status().isUnauthorized());
		String log = Files.readString(file());
		assertThat(log).contains(chat.keyId).contains(chat.session);
		assertThat(log).doesNotContain(this.masterKey)
			.doesNotContain(chat.key)
			.doesNotContain(mistyped)
			.doesNotContain(wrongMaster)
			.doesNotContain(chat.token)
			.doesNotContain(this.jwtSecret);
	}

	private Chat chat() throws Exception {
		String kb = createKnowledgeBase("questions");
		JsonNode issued = Calls.issueKey(this.mvc, this.masterKey,
				"{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + kb + "\"]}");
		String key = issued.get("key").asText();
		Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		String document = Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf))
			.get("id")
			.asText();
		JsonNode started = Calls.startSession(this.mvc, key, kb);
		return new Chat(issued.get("id").asText(), key, document, started.get("sessionId").asText(),
				started.get("token").asText());
	}

	private ResultActions ask(Chat chat, String message) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions/" + chat.session + "/messages").secure(true)
			.header("Authorization", "Bearer " + chat.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("message", message))));
	}

	/** A session token signed as the service signs them, for a key id and an expiry. */
	private String token(String session, String keyId, Instant expiresAt) {
		javax.crypto.SecretKey key = new javax.crypto.spec.SecretKeySpec(
				java.util.Base64.getDecoder().decode(this.jwtSecret), "HmacSHA256");
		return io.jsonwebtoken.Jwts.builder()
			.header()
			.type("session+jwt")
			.and()
			.issuer("ragchat")
			.audience()
			.add("ragchat-chat")
			.and()
			.subject(session)
			.id(java.util.UUID.randomUUID().toString())
			.claim("key", keyId)
			.issuedAt(java.util.Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expiration(java.util.Date.from(expiresAt))
			.signWith(key, io.jsonwebtoken.Jwts.SIG.HS256)
			.compact();
	}

	private Path file() {
		return this.audit.file();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	record Chat(String keyId, String key, String document, String session, String token) {

	}

}
