package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.ingestion.migration.EmbeddingMigration;
import dev.ragchat.ingestion.migration.EmbeddingMigration.Status;
import dev.ragchat.ingestion.migration.EmbeddingMigrationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link EmbeddingMigrationStore} adapter passes.
 */
abstract class EmbeddingMigrationStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	EmbeddingMigrationStore store;

	protected abstract EmbeddingMigrationStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	static EmbeddingMigration running(String id, String knowledgeBase, Instant at) {
		return new EmbeddingMigration(id, knowledgeBase, "bge-small-en-v1.5", 384, "nomic-embed-text", 768,
				Status.RUNNING, 0, 0, 0, 0, null, at, null);
	}

	@Test
	void keepsOneLiveMigrationPerKnowledgeBase() {
		assertThat(this.store.start(running("emb_1", "kb_a", NOW))).isTrue();
		assertThat(this.store.start(running("emb_2", "kb_a", NOW.plusSeconds(1)))).isFalse();
		assertThat(this.store.start(running("emb_3", "kb_b", NOW))).isTrue();
		assertThat(this.store.live("kb_a")).get().extracting(EmbeddingMigration::id).isEqualTo("emb_1");
		assertThat(this.store.live("kb_b")).get().extracting(EmbeddingMigration::id).isEqualTo("emb_3");
		assertThat(this.store.findById("emb_1")).contains(running("emb_1", "kb_a", NOW));
	}

	@Test
	void anEndedMigrationFreesItsKnowledgeBase() {
		this.store.start(running("emb_1", "kb_a", NOW));
		assertThat(this.store.transition("emb_1", Status.RUNNING, Status.CANCELLED, "cancelled", NOW.plusSeconds(2)))
			.isTrue();
		assertThat(this.store.transition("emb_1", Status.RUNNING, Status.FAILED, "late", NOW.plusSeconds(3))).isFalse();
		assertThat(this.store.live("kb_a")).isEmpty();
		assertThat(this.store.findById("emb_1")).get().satisfies((m) -> {
			assertThat(m.status()).isEqualTo(Status.CANCELLED);
			assertThat(m.error()).isEqualTo("cancelled");
			assertThat(m.finishedAt()).isEqualTo(NOW.plusSeconds(2));
		});
		assertThat(this.store.start(running("emb_2", "kb_a", NOW.plusSeconds(5)))).isTrue();
		assertThat(this.store.latest("kb_a")).get().extracting(EmbeddingMigration::id).isEqualTo("emb_2");
	}

	@Test
	void recordsProgressWhileRunningAndSwitchesOnce() {
		this.store.start(running("emb_1", "kb_a", NOW));
		assertThat(this.store.progress("emb_1", 1, 3, 10, 30)).isTrue();
		assertThat(this.store.findById("emb_1")).get().satisfies((m) -> {
			assertThat(m.documentsDone()).isEqualTo(1);
			assertThat(m.documentsTotal()).isEqualTo(3);
			assertThat(m.chunksDone()).isEqualTo(10);
			assertThat(m.chunksTotal()).isEqualTo(30);
		});
		assertThat(this.store.transition("emb_1", Status.RUNNING, Status.SWITCHING, null, NOW.plusSeconds(2))).isTrue();
		// a switching migration is still live, but no longer running
		assertThat(this.store.live("kb_a")).isPresent();
		assertThat(this.store.progress("emb_1", 2, 3, 20, 30)).isFalse();
		assertThat(this.store.transition("emb_1", Status.RUNNING, Status.CANCELLED, null, NOW.plusSeconds(3)))
			.isFalse();
		assertThat(this.store.transition("emb_1", Status.SWITCHING, Status.SUCCEEDED, null, NOW.plusSeconds(4)))
			.isTrue();
		assertThat(this.store.live("kb_a")).isEmpty();
	}

}
