package dev.ragchat.api.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.audit.AuditLog;
import dev.ragchat.sources.SyncProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sync sources through HTTP: a folder under the tests' root
 * ({@code ragchat.sync.folder-roots}) synced into a knowledge base, its runs and report,
 * the refusals as problems, and who may do it: adding and deleting a source takes the
 * {@code admin} scope, and a place another knowledge base mirrors takes a key that may
 * use it.
 */
class SourceEndpointsTests extends AbstractWebIntegrationTests {

	@Autowired
	SyncProperties sync;

	@Autowired
	Audit audit;

	String kb;

	String key;

	Path folder;

	@BeforeEach
	void knowledgeBaseKeyAndFolder() throws Exception {
		this.kb = createKnowledgeBase("synced");
		this.key = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		this.folder = Files.createDirectories(this.sync.folderRoots().get(0).resolve(UUID.randomUUID().toString()));
	}

	@Test
	void syncsAFolderAndShowsTheRunWithItsReport() throws Exception {
		for (int n = 1; n <= 3; n++) {
			Files.writeString(this.folder.resolve("guide-" + n + ".md"),
					"# Guide " + n + "\n\nGuide " + n + " says the pier opens at " + (n + 6) + " o'clock.\n");
		}
		JsonNode source = body(
				call(post(sources()).content(folderSource(this.folder.toString()))).andExpect(status().isCreated())
					.andExpect(jsonPath("$.type").value("folder"))
					.andExpect(jsonPath("$.path").value(this.folder.toRealPath().toString()))
					.andExpect(jsonPath("$.deleteMissing").value(false))
					.andExpect(jsonPath("$.syncing").value(false)));
		String id = source.get("id").asText();
		assertThat(id).startsWith("src_");

		JsonNode run = body(call(post(sources() + "/" + id + "/sync")).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("RUNNING"))
			.andExpect(jsonPath("$.trigger").value("manual")));
		call(get(run.get("url").asText() + "?waitSeconds=60")).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.report.added").value(3))
			.andExpect(jsonPath("$.report.items.length()").value(3))
			.andExpect(jsonPath("$.progress.files").value(3))
			.andExpect(jsonPath("$.progress.documentsIndexed").value(3));
		call(get(sources())).andExpect(jsonPath("$.sources[0].id").value(id))
			.andExpect(jsonPath("$.sources[0].lastRun.id").value(run.get("id").asText()))
			.andExpect(jsonPath("$.sources[0].lastRun.report.added").value(3));

		// the documents say where they came from, and a filter finds them by it
		call(get("/api/v1/knowledge-bases/" + this.kb + "/documents"))
			.andExpect(jsonPath("$.documents[0].metadata.source").value(id))
			.andExpect(jsonPath("$.documents[0].metadata.path").value(startsWith("guide-")));
		call(post("/api/v1/knowledge-bases/" + this.kb + "/search").content("""
				{"query": "When does the pier open?", "filter": {"key": "path", "op": "eq", "value": "guide-2.md"}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(1))
			.andExpect(jsonPath("$.results[0].text").value(containsString("8 o'clock")));

		Files.delete(this.folder.resolve("guide-3.md"));
		JsonNode second = body(call(post(sources() + "/" + id + "/sync").content("{\"deleteMissing\": true}"))
			.andExpect(status().isAccepted()));
		call(get(second.get("url").asText() + "?waitSeconds=60")).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.deleteMissing").value(true))
			.andExpect(jsonPath("$.report.deleted").value(1))
			.andExpect(jsonPath("$.report.unchanged").value(2))
			.andExpect(jsonPath("$.report.items[0].path").value("guide-3.md"))
			.andExpect(jsonPath("$.report.items[0].outcome").value("deleted"));
		call(get(sources() + "/" + id + "/runs")).andExpect(jsonPath("$.runs.length()").value(2))
			.andExpect(jsonPath("$.runs[0].id").value(second.get("id").asText()));

		String target = "source:" + this.kb + "/" + id;
		assertThat(
				AuditLog.single(this.audit.file(), "source.created", target).path("detail").path("location").asText())
			.isEqualTo(this.folder.toRealPath().toString());
		assertThat(AuditLog.events(this.audit.file())
			.stream()
			.filter((e) -> e.path("action").asText().equals("source.synced")
					&& e.path("target").asText().equals(target)))
			.hasSize(2);

		call(delete(sources() + "/" + id)).andExpect(status().isNoContent());
		call(get(sources() + "/" + id)).andExpect(status().isNotFound());
		AuditLog.single(this.audit.file(), "source.deleted", target);
		// the documents stay
		call(get("/api/v1/knowledge-bases/" + this.kb + "/documents"))
			.andExpect(jsonPath("$.documents.length()").value(2));
	}

	@Test
	void aFileBeyondTheUploadLimitIsSkippedBeforeItIsCopied() throws Exception {
		Files.writeString(this.folder.resolve("guide.md"), "# Guide\n\nThe pier opens at seven.\n");
		// 120 MiB on paper (a sparse file), beyond the service's 100 MB upload limit
		try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(this.folder.resolve("big.txt").toFile(),
				"rw")) {
			big.setLength(120L * 1024 * 1024);
		}
		String id = body(call(post(sources()).content(folderSource(this.folder.toString())))).get("id").asText();
		JsonNode run = body(call(post(sources() + "/" + id + "/sync")).andExpect(status().isAccepted()));
		call(get(run.get("url").asText() + "?waitSeconds=60")).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.report.added").value(1))
			.andExpect(jsonPath("$.report.skipped").value(1))
			.andExpect(jsonPath("$.report.items[?(@.path == 'big.txt')].reason").value("it has 125829120 bytes, more"
					+ " than the upload limit of 104857600 bytes (SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE); not copied"));
		call(get("/api/v1/knowledge-bases/" + this.kb + "/documents"))
			.andExpect(jsonPath("$.documents.length()").value(1))
			.andExpect(jsonPath("$.documents[0].filename").value("guide.md"));
	}

	@Test
	void refusesASecondSyncWhileOneRuns() throws Exception {
		for (int n = 1; n <= 30; n++) {
			Files.writeString(this.folder.resolve("note-" + n + ".md"), "# Note " + n + "\n\nNote number " + n + ".\n");
		}
		String id = body(call(post(sources()).content(folderSource(this.folder.toString())))).get("id").asText();
		JsonNode run = body(call(post(sources() + "/" + id + "/sync")).andExpect(status().isAccepted()));
		// the first run compares 30 files and waits for their ingestion: it is still on
		call(post(sources() + "/" + id + "/sync")).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("one sync per source at a time")));
		call(get(sources() + "/" + id)).andExpect(jsonPath("$.syncing").value(true));
		call(get(run.get("url").asText() + "?waitSeconds=60")).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.report.added").value(30));
	}

	@Test
	void refusesBadSourcesWithProblemsThatSayWhy() throws Exception {
		call(post(sources()).content(folderSource("/etc"))).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"Folder '/etc' is outside the roots of RAGCHAT_SYNC_FOLDER_ROOTS; symbolic links may not lead out of them"))
			// the setting is named, its paths are not
			.andExpect(jsonPath("$.detail").value(not(containsString(this.sync.folderRoots().get(0).toString()))));
		call(post(sources()).content(folderSource(this.folder + "/../../../.."))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("RAGCHAT_SYNC_FOLDER_ROOTS")));
		call(post(sources()).content(folderSource("relative/path"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("path 'relative/path' must be absolute"));
		call(post(sources()).content("{\"type\": \"ftp\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("type 'ftp' is not one of folder, s3, web"));
		// no web host is allowed here (RAGCHAT_SYNC_WEB_HOSTS is empty): the problem says
		// which setting allows them
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"https://docs.example.com/\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(startsWith("Web sources are off on this service")))
			.andExpect(jsonPath("$.detail").value(containsString("RAGCHAT_SYNC_WEB_HOSTS")));
		call(post(sources()).content("{\"type\": \"s3\", \"bucket\": \"docs\", \"schedule\": \"daily\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("schedule 'daily' is no cron expression")));
		call(post(sources()).content("{\"type\": \"s3\", \"bucket\": \"Not_A_Bucket\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("bucket must be an S3 bucket name")));
		java.util.Map<String, String> buckets = java.util.Map.of("169.254.169.254",
				"it may not be formatted as an IP address", "a..b", "it may not hold two adjacent dots", "xn--docs",
				"it may not start with the reserved prefix 'xn--'", "sthree-docs",
				"it may not start with the reserved prefix 'sthree-'", "docs-s3alias",
				"it may not end with the reserved suffix '-s3alias'");
		for (java.util.Map.Entry<String, String> bucket : buckets.entrySet()) {
			call(post(sources()).content("{\"type\": \"s3\", \"bucket\": \"" + bucket.getKey() + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("bucket must be an S3 bucket name: " + bucket.getValue()));
		}
		call(post(sources()).content("{\"type\": \"s3\", \"bucket\": \"docs\", \"intervalMinutes\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("intervalMinutes must be between 1 and")));
		call(post(sources()).content(folderSource(this.folder.toString()))).andExpect(status().isCreated());
		call(post(sources()).content(folderSource(this.folder.toString()))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already reads")));
		call(post(sources() + "/src_nope/sync")).andExpect(status().isNotFound());
	}

	@Test
	void needsTheMasterKeyOrAnUploadKeyOfTheKnowledgeBaseAndTheAdminScopeToAddOrDelete() throws Exception {
		String chatOnly = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		this.mvc.perform(get(sources()).secure(true).header("X-API-Key", chatOnly))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("'upload' scope")));
		String otherKb = issueKey("{\"scopes\":[\"upload\",\"admin\"],\"knowledgeBases\":[\"default\"]}");
		this.mvc
			.perform(post(sources()).secure(true)
				.header("X-API-Key", otherKb)
				.contentType(MediaType.APPLICATION_JSON)
				.content(folderSource(this.folder.toString())))
			.andExpect(status().isNotFound());
		String id = body(this.mvc
			.perform(post(sources()).secure(true)
				.header("X-Master-Key", this.masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(folderSource(this.folder.toString())))
			.andExpect(status().isCreated())).get("id").asText();
		this.mvc.perform(get(sources()).secure(true)).andExpect(status().isUnauthorized());

		// an upload key syncs and reads the sources, but adds and deletes none
		String uploadOnly = chatAndUploadKey(this.kb);
		Files.createDirectories(this.folder.resolve("sub"));
		for (MockHttpServletRequestBuilder request : List.of(
				post(sources()).contentType(MediaType.APPLICATION_JSON)
					.content(folderSource(this.folder.resolve("sub").toString())),
				post(sources()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"type\": \"s3\", \"bucket\": \"docs\"}"),
				delete(sources() + "/" + id))) {
			this.mvc.perform(request.secure(true).header("X-API-Key", uploadOnly))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("This needs an API key with the 'admin' scope"));
		}
		this.mvc.perform(get(sources() + "/" + id).secure(true).header("X-API-Key", uploadOnly))
			.andExpect(status().isOk());
		JsonNode run = body(
				this.mvc.perform(post(sources() + "/" + id + "/sync").secure(true).header("X-API-Key", uploadOnly))
					.andExpect(status().isAccepted()));
		this.mvc.perform(get(run.get("url").asText() + "?waitSeconds=60").secure(true).header("X-API-Key", uploadOnly))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"));
	}

	@Test
	void aKeyMayNotMirrorAPlaceThatAKnowledgeBaseItMayNotUseMirrors() throws Exception {
		String other = createKnowledgeBase("other");
		Path theirs = Files.createDirectories(this.folder.resolve("theirs"));
		Files.createDirectories(theirs.resolve("inner"));
		for (String body : List.of(folderSource(theirs.toString()),
				"{\"type\": \"s3\", \"bucket\": \"shared-docs\", \"prefix\": \"team/\"}")) {
			this.mvc
				.perform(post("/api/v1/knowledge-bases/" + other + "/sources").secure(true)
					.header("X-Master-Key", this.masterKey)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isCreated());
		}
		// the same folder, one inside it, one around it; the same bucket, a prefix inside
		// or around
		for (String body : List.of(folderSource(theirs.toString()), folderSource(theirs.resolve("inner").toString()),
				folderSource(this.folder.toString()),
				"{\"type\": \"s3\", \"bucket\": \"shared-docs\", \"prefix\": \"team/\"}",
				"{\"type\": \"s3\", \"bucket\": \"shared-docs\", \"prefix\": \"team/reports/\"}",
				"{\"type\": \"s3\", \"bucket\": \"shared-docs\"}")) {
			call(post(sources()).content(body)).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail")
					.value(containsString("is already mirrored, or a place inside or around it is, by a source of a"
							+ " knowledge base this key may not use")))
				.andExpect(jsonPath("$.detail").value(not(containsString(other))));
		}
		call(get(sources())).andExpect(jsonPath("$.sources.length()").value(0));
		// a place beside theirs, another bucket: the key's own
		Path beside = Files.createDirectories(this.folder.resolve("ours"));
		call(post(sources()).content(folderSource(beside.toString()))).andExpect(status().isCreated());
		call(post(sources()).content("{\"type\": \"s3\", \"bucket\": \"shared-docs\", \"prefix\": \"teams/\"}"))
			.andExpect(status().isCreated());
		// a key that may use both knowledge bases, and the master key, may
		String both = issueKey(
				"{\"scopes\":[\"upload\",\"admin\"],\"knowledgeBases\":[\"" + this.kb + "\",\"" + other + "\"]}");
		this.mvc
			.perform(post(sources()).secure(true)
				.header("X-API-Key", both)
				.contentType(MediaType.APPLICATION_JSON)
				.content(folderSource(theirs.resolve("inner").toString())))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post(sources()).secure(true)
				.header("X-Master-Key", this.masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(folderSource(theirs.toString())))
			.andExpect(status().isCreated());
	}

	private String sources() {
		return "/api/v1/knowledge-bases/" + this.kb + "/sources";
	}

	private static String folderSource(String path) throws Exception {
		return json.writeValueAsString(java.util.Map.of("type", "folder", "path", path));
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.secure(true).header("X-API-Key", this.key).contentType(MediaType.APPLICATION_JSON));
	}

	private static JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
