package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.ragchat.api.ModuleBeans;
import dev.ragchat.api.ModuleTestWithFronts;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sync sources as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): the {@code sources} module with the modules it uses,
 * and the blob store, index and job runner the ingestion front needs, real and nothing
 * mocked; none of api's features. A folder source, synced through the module's published
 * API, puts its files into the knowledge base and says so in its run's report.
 */
@ModuleTestWithFronts
class SourcesModuleTests {

	static final String KB = "default";

	final Sources sources;

	final Documents documents;

	final ApplicationContext context;

	final Path root;

	SourcesModuleTests(Sources sources, Documents documents, ApplicationContext context,
			@Value("${ragchat.sync.folder-roots}") Path root) {
		this.sources = sources;
		this.documents = documents;
		this.context = context;
		this.root = root;
	}

	@Test
	void aFolderSourceSyncsItsFilesIntoTheKnowledgeBaseAndReportsThem() throws Exception {
		Path folder = Files.createDirectories(this.root.resolve("harbour-" + UUID.randomUUID()));
		Files.writeString(folder.resolve("lighthouse.txt"), "The lighthouse on Kestrel Point was automated in 1987.");
		Files.writeString(folder.resolve("moorings.txt"), "Mooring fees at Kestrel harbour rose to 40 euros in 2021.");
		Source source = this.sources.create(KB,
				new Sources.NewSource("folder", folder.toString(), null, null, false, null), (kb) -> true);

		SyncRun started = this.sources.sync(KB, source.id(), null);
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.sources.run(KB, source.id(), started.id()).status() != SyncRun.Status.RUNNING);

		SyncRun run = this.sources.run(KB, source.id(), started.id());
		assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
		assertThat(run.report().added()).isEqualTo(2);
		assertThat(run.report().failed()).isZero();
		assertThat(this.documents.list(KB)).filteredOn((document) -> document.status() == DocumentStatus.READY)
			.extracting(Document::filename)
			.contains("lighthouse.txt", "moorings.txt");
	}

	@Test
	void startsWithoutAnyOfApisFeatures() {
		assertThat(this.context.getBeanNamesForType(Conversations.class)).isEmpty();
		// the HTTP edge only, none of api's features
		assertThat(ModuleBeans.packages(this.context)).filteredOn((pkg) -> pkg.startsWith("dev.ragchat.api."))
			.isNotEmpty()
			.allMatch((pkg) -> pkg.equals("dev.ragchat.api.web"));
	}

}
