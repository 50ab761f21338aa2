package dev.ragchat.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The set-up most web tests share: the whole service with its default backends, MockMvc,
 * the master key, and the first calls a caller makes. Its context is the one
 * {@link AbstractHttpsIntegrationTests} boots (the real listener on a random port,
 * MockMvc beside it), so that the subclasses of both share one cached service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class AbstractWebIntegrationTests {

	protected static final ObjectMapper json = new ObjectMapper();

	@Autowired
	protected MockMvc mvc;

	@Value("${ragchat.master-key}")
	protected String masterKey;

	/**
	 * @param body the key request, e.g. {@code {"scopes":["chat"]}}
	 * @return a new API key
	 * @throws Exception if the call fails
	 */
	protected String issueKey(String body) throws Exception {
		return Calls.issueKey(this.mvc, this.masterKey, body).get("key").asText();
	}

	/**
	 * @param knowledgeBase the one knowledge base the key may use
	 * @return a new key that may chat in and upload to it
	 * @throws Exception if the call fails
	 */
	protected String chatAndUploadKey(String knowledgeBase) throws Exception {
		return Calls.chatAndUploadKey(this.mvc, this.masterKey, knowledgeBase);
	}

	/**
	 * @param name its name
	 * @return the id of a new knowledge base
	 * @throws Exception if the call fails
	 */
	protected String createKnowledgeBase(String name) throws Exception {
		return Calls.createKnowledgeBase(this.mvc, this.masterKey, name);
	}

}
