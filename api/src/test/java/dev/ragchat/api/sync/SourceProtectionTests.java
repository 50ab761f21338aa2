package dev.ragchat.api.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service's own files through a folder source, as an attacker with an API key would
 * try them: the folder root ({@code /srv}) holds the data directory
 * ({@code /srv/ragchat/data}, with the master key and session signing key the service
 * generated, and its audit log) and the TLS key ({@code /srv/certs}), which the operator
 * allowed ({@code ragchat.sync.allow-root-containing-data-dir}). No source reads any of
 * them, nor a hard link to one; without that setting the service does not start.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class SourceProtectionTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final Path BASE = Path.of("target", "test-data", "source-protection-" + UUID.randomUUID())
		.toAbsolutePath();

	private static final Path ROOT = BASE.resolve("srv");

	private static final Path DATA = ROOT.resolve("ragchat/data");

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void dataDirectoryUnderTheRoot(DynamicPropertyRegistry registry) throws Exception {
		registry.add("ragchat.data-dir", DATA::toString);
		registry.add("ragchat.sync.folder-roots", ROOT::toString);
		registry.add("ragchat.sync.allow-root-containing-data-dir", () -> "true");
		// the tests' development certificate, generated from their own settings before
		// this runs (dynamic properties come after the environment's post-processors),
		// copied under the root
		Path certs = Files.createDirectories(ROOT.resolve("certs"));
		for (String file : List.of("server.crt", "server.key")) {
			Files.copy(Path.of("target", "test-certs", file), certs.resolve(file));
		}
		registry.add("ragchat.tls.cert", () -> certs.resolve("server.crt").toString());
		registry.add("ragchat.tls.key", () -> certs.resolve("server.key").toString());
		// generated into the data directory, as when they are not configured
		registry.add("ragchat.master-key", () -> "");
		registry.add("ragchat.jwt.secret", () -> "");
	}

	@Test
	void refusesASourceOnTheDataDirectoryInsideItAroundItOrOnTheTlsKeysFolder() throws Exception {
		String kb = Calls.createKnowledgeBase(this.mvc, masterKey(), "attacked");
		String key = adminKey(kb);
		for (Path refused : List.of(DATA, DATA.resolve("audit"), DATA.getParent(), ROOT)) {
			for (String[] credential : List.of(new String[] { "X-API-Key", key },
					new String[] { "X-Master-Key", masterKey() })) {
				createSource(kb, credential, refused).andExpect(status().isBadRequest())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value("Folder '" + refused + "' is, lies inside or contains the"
							+ " data directory (RAGCHAT_DATA_DIR): no source reads the service's own files"));
			}
		}
		createSource(kb, new String[] { "X-API-Key", key }, ROOT.resolve("certs")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("contains a TLS private key or key store")));
		this.mvc.perform(get("/api/v1/knowledge-bases/" + kb + "/sources").secure(true).header("X-API-Key", key))
			.andExpect(jsonPath("$.sources.length()").value(0));
	}

	@Test
	void neverIngestsAHardLinkToTheMasterKeyTheSigningKeyOrTheAuditLog() throws Exception {
		String kb = Calls.createKnowledgeBase(this.mvc, masterKey(), "planted");
		String key = adminKey(kb);
		Path folder = Files.createDirectories(ROOT.resolve("docs").resolve(UUID.randomUUID().toString()));
		Files.writeString(folder.resolve("guide.md"), "# Guide\n\nThe pier opens at seven.\n");
		Files.createLink(folder.resolve("notes.txt"), DATA.resolve("master.key"));
		Files.createLink(folder.resolve("signing.txt"), DATA.resolve("jwt-signing.key"));
		Files.createLink(folder.resolve("log.txt"), DATA.resolve("audit/audit.jsonl"));
		String[] credential = { "X-API-Key", key };
		String id = body(createSource(kb, credential, folder).andExpect(status().isCreated())).get("id").asText();

		JsonNode run = body(call(post("/api/v1/knowledge-bases/" + kb + "/sources/" + id + "/sync"), credential)
			.andExpect(status().isAccepted()));
		call(get(run.get("url").asText() + "?waitSeconds=60"), credential)
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.report.added").value(1))
			.andExpect(jsonPath("$.report.skipped").value(3))
			.andExpect(jsonPath("$.report.items[?(@.path == 'notes.txt')].reason")
				.value("a hard link to one of the service's own files; never read"));

		JsonNode documents = body(call(get("/api/v1/knowledge-bases/" + kb + "/documents"), credential));
		assertThat(documents.get("documents")).singleElement()
			.satisfies((d) -> assertThat(d.get("filename").asText()).isEqualTo("guide.md"));
		String content = call(get("/api/v1/knowledge-bases/" + kb + "/documents/"
				+ documents.get("documents").get(0).get("id").asText() + "/content"), credential)
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(content).contains("The pier opens at seven").doesNotContain(masterKey());
	}

	@Test
	void doesNotStartWithARootContainingTheDataDirectoryUnlessAllowed() {
		Path base = BASE.resolveSibling("root-check-" + UUID.randomUUID());
		Path data = base.resolve("srv/ragchat/data");
		SpringApplicationBuilder application = new SpringApplicationBuilder(RagChatApplication.class);
		// arguments: they win over the tests' own settings
		String[] arguments = { "--ragchat.data-dir=" + data, "--ragchat.sync.folder-roots=" + base.resolve("srv"),
				"--server.port=0" };
		assertThatException().isThrownBy(() -> application.run(arguments).close())
			.havingRootCause()
			.withMessage("RAGCHAT_SYNC_FOLDER_ROOTS (ragchat.sync.folder-roots): the root " + base.resolve("srv")
					+ " contains the data directory " + data + "; list folders that hold only documents, or set"
					+ " RAGCHAT_SYNC_ALLOW_ROOT_CONTAINING_DATA_DIR=true (the data directory, the secrets and the TLS"
					+ " key are never read all the same)");
	}

	private static String masterKey() throws Exception {
		return Files.readString(DATA.resolve("master.key")).strip();
	}

	private String adminKey(String kb) throws Exception {
		return Calls
			.issueKey(this.mvc, masterKey(),
					"{\"scopes\":[\"chat\",\"upload\",\"admin\"],\"knowledgeBases\":[\"" + kb + "\"]}")
			.get("key")
			.asText();
	}

	private ResultActions createSource(String kb, String[] credential, Path folder) throws Exception {
		return call(post("/api/v1/knowledge-bases/" + kb + "/sources")
			.content(json.writeValueAsString(Map.of("type", "folder", "path", folder.toString()))), credential);
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String[] credential) throws Exception {
		return this.mvc
			.perform(request.secure(true).header(credential[0], credential[1]).contentType(MediaType.APPLICATION_JSON));
	}

	private static JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
