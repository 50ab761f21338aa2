package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link KnowledgeBaseStore} adapter passes.
 */
abstract class KnowledgeBaseStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	KnowledgeBaseStore store;

	protected abstract KnowledgeBaseStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void storesOnceAndFindsWithItsEmbeddingModel() {
		KnowledgeBase kb = new KnowledgeBase("kb_1", "Manuals", "All manuals", "bge-small-en-v1.5", 384, NOW);
		assertThat(this.store.saveIfAbsent(kb)).isTrue();
		assertThat(this.store.saveIfAbsent(new KnowledgeBase("kb_1", "Other", null, "x", 1, NOW))).isFalse();
		assertThat(this.store.findById("kb_1")).contains(kb);
	}

	@Test
	void listsOldestFirstAndDeletes() {
		this.store.saveIfAbsent(new KnowledgeBase("kb_new", "New", null, "m", 384, NOW));
		this.store.saveIfAbsent(new KnowledgeBase("kb_old", "Old", null, "m", 384, NOW.minusSeconds(5)));
		assertThat(this.store.findAll()).extracting(KnowledgeBase::id).containsExactly("kb_old", "kb_new");
		assertThat(this.store.delete("kb_old")).isTrue();
		assertThat(this.store.delete("kb_old")).isFalse();
		assertThat(this.store.findById("kb_old")).isEmpty();
	}

	@Test
	void switchesTheModelOnlyFromTheModelItIsOn() {
		this.store.saveIfAbsent(new KnowledgeBase("kb_m", "Moving", null, "bge-small-en-v1.5", 384, NOW));
		assertThat(this.store.switchModel("kb_m", "other", 384, "nomic-embed-text", 768)).isFalse();
		assertThat(this.store.switchModel("kb_m", "bge-small-en-v1.5", 768, "nomic-embed-text", 768)).isFalse();
		assertThat(this.store.switchModel("kb_m", "bge-small-en-v1.5", 384, "nomic-embed-text", 768)).isTrue();
		assertThat(this.store.findById("kb_m")).get()
			.satisfies((kb) -> assertThat(kb.embeddingModel()).isEqualTo("nomic-embed-text"))
			.satisfies((kb) -> assertThat(kb.dimensions()).isEqualTo(768))
			.satisfies((kb) -> assertThat(kb.name()).isEqualTo("Moving"));
		assertThat(this.store.switchModel("kb_m", "bge-small-en-v1.5", 384, "nomic-embed-text", 768)).isFalse();
		assertThat(this.store.switchModel("kb_none", "bge-small-en-v1.5", 384, "nomic-embed-text", 768)).isFalse();
	}

}
