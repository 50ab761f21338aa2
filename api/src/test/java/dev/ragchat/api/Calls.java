package dev.ragchat.api;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calls most tests start with: issue a key, start a session.
 */
public final class Calls {

	private static final ObjectMapper json = new ObjectMapper();

	private Calls() {
	}

	public static JsonNode issueKey(MockMvc mvc, String masterKey, String body) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/keys").secure(true)
				.header("X-Master-Key", masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString());
	}

	/**
	 * @param mvc the service
	 * @param masterKey its master key
	 * @param knowledgeBase the one knowledge base the key may use
	 * @return a new key that may chat in and upload to it
	 * @throws Exception if the call fails
	 */
	public static String chatAndUploadKey(MockMvc mvc, String masterKey, String knowledgeBase) throws Exception {
		return issueKey(mvc, masterKey, chatAndUploadKeyRequest(knowledgeBase)).get("key").asText();
	}

	/**
	 * @param knowledgeBase the one knowledge base the key may use
	 * @return the body of a request for a key that may chat in and upload to it
	 */
	public static String chatAndUploadKeyRequest(String knowledgeBase) {
		return "{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + knowledgeBase + "\"]}";
	}

	/**
	 * @param mvc the service
	 * @param key an API key that may manage chat configurations
	 * @param body the configuration
	 * @return the new chat configuration's id
	 * @throws Exception if the call fails
	 */
	public static String createChatConfig(MockMvc mvc, String key, String body) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/chat-configs").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString()).get("id").asText();
	}

	public static String createKnowledgeBase(MockMvc mvc, String masterKey, String name) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/knowledge-bases").secure(true)
				.header("X-Master-Key", masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString()).get("id").asText();
	}

	/**
	 * Uploads one file and waits until ingestion ends.
	 * @param mvc the MockMvc
	 * @param apiKey a key with the upload scope
	 * @param knowledgeBase where to
	 * @param filename the name it is sent with
	 * @param bytes its content
	 * @return the document as its status URL shows it at the end (READY or FAILED)
	 * @throws Exception if the upload is refused or ingestion does not end within 90 s
	 */
	public static JsonNode uploadAndAwait(MockMvc mvc, String apiKey, String knowledgeBase, String filename,
			byte[] bytes) throws Exception {
		JsonNode submitted = json.readTree(mvc
			.perform(multipart("/api/v1/knowledge-bases/" + knowledgeBase + "/documents")
				.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
				.secure(true)
				.header("X-API-Key", apiKey))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String url = submitted.at("/documents/0/statusUrl").asText();
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = json.readTree(mvc.perform(get(url).secure(true).header("X-API-Key", apiKey))
				.andReturn()
				.getResponse()
				.getContentAsString());
			String status = last[0].get("status").asText();
			return status.equals("READY") || status.equals("FAILED");
		});
		return last[0];
	}

	/**
	 * @param certificateFile a PEM certificate
	 * @return a TLS context that trusts exactly that certificate
	 * @throws Exception if it cannot be read
	 */
	public static SSLContext trusting(Path certificateFile) throws Exception {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		try (InputStream in = Files.newInputStream(certificateFile)) {
			trustStore.setCertificateEntry("ragchat", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	public static JsonNode startSession(MockMvc mvc, String apiKey, String knowledgeBase) throws Exception {
		return startSession(mvc, apiKey, knowledgeBase, null);
	}

	/**
	 * @param topK how many chunks the session retrieves per question ({@code null}: the
	 * default)
	 */
	public static JsonNode startSession(MockMvc mvc, String apiKey, String knowledgeBase, Integer topK)
			throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", apiKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"knowledgeBase\":\"" + knowledgeBase + "\"" + ((topK != null) ? ",\"topK\":" + topK : "")
						+ "}"))
			.andExpect(status().isCreated())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString());
	}

}
