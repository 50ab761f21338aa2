package dev.ragchat.api.models.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.api.models.ModelChoice;
import dev.ragchat.api.models.ModelChoiceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ModelChoiceStore} adapter passes.
 */
abstract class ModelChoiceStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ModelChoiceStore store;

	protected abstract ModelChoiceStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsOneChoiceWithEveryFieldAndReplacesIt() {
		assertThat(this.store.find()).isEmpty();
		ModelChoice first = new ModelChoice("openai-compatible", "http://localhost:8080/v1", "local-model", null,
				"v1:c2VhbGVk", NOW);
		this.store.save(first);
		assertThat(this.store.find()).contains(first);
		ModelChoice second = new ModelChoice("llama-cpp", null, "qwen.gguf", "/models/qwen.gguf", null,
				NOW.plusSeconds(60));
		this.store.save(second);
		assertThat(this.store.find()).contains(second);
	}

	@Test
	void forgetsTheChoice() {
		this.store.save(new ModelChoice("extractive", null, null, null, null, NOW));
		this.store.clear();
		assertThat(this.store.find()).isEmpty();
		this.store.clear();
		assertThat(this.store.find()).isEmpty();
	}

	@Test
	void keepsAChatConfigsOwnChoiceApartFromTheServicesAndForgetsIt() {
		String configId = "cfg_0123456789abcdef0123456789abcdef";
		assertThat(this.store.find(configId)).isEmpty();
		assertThat(this.store.chatConfigs()).isEmpty();
		ModelChoice service = new ModelChoice("ollama", "http://localhost:11434", "llama3.2:3b", null, null, NOW);
		ModelChoice own = new ModelChoice("openai-compatible", "http://localhost:8080/v1", "local-model", null,
				"v1:c2VhbGVk", NOW);
		this.store.save(service);
		this.store.save(configId, own);
		this.store.save("cfg_other", new ModelChoice("extractive", null, null, null, null, NOW));
		assertThat(this.store.find()).contains(service);
		assertThat(this.store.find(configId)).contains(own);
		assertThat(this.store.chatConfigs()).containsOnlyKeys(configId, "cfg_other").containsEntry(configId, own);

		ModelChoice replaced = new ModelChoice("llama-cpp", null, "qwen.gguf", "/models/qwen.gguf", null,
				NOW.plusSeconds(60));
		this.store.save(configId, replaced);
		assertThat(this.store.find(configId)).contains(replaced);

		this.store.clear(configId);
		assertThat(this.store.find(configId)).isEmpty();
		assertThat(this.store.chatConfigs()).containsOnlyKeys("cfg_other");
		assertThat(this.store.find()).contains(service);
		this.store.clear();
		assertThat(this.store.find()).isEmpty();
		assertThat(this.store.chatConfigs()).containsOnlyKeys("cfg_other");
	}

	@Test
	void keepsTheModelsPeopleMayUseApartFromTheChoicesAndWithdrawsThem() {
		assertThat(this.store.offered()).isEmpty();
		ModelChoice ollama = new ModelChoice("ollama", "http://localhost:11434", "llama3.2:3b", null, null, NOW);
		ModelChoice local = new ModelChoice("openai-compatible", "http://localhost:8080/v1", "local-model", null,
				"v1:c2VhbGVk", NOW);
		this.store.offer("local-model", local);
		this.store.offer("llama3.2:3b", ollama);
		this.store.save(ollama);
		assertThat(this.store.offered()).containsExactly(java.util.Map.entry("llama3.2:3b", ollama),
				java.util.Map.entry("local-model", local));
		assertThat(this.store.chatConfigs()).isEmpty();

		ModelChoice moved = new ModelChoice("ollama", "http://gpu-box:11434", "local-model", null, null,
				NOW.plusSeconds(60));
		this.store.offer("local-model", moved);
		assertThat(this.store.offered()).containsEntry("local-model", moved).hasSize(2);

		assertThat(this.store.withdraw("local-model")).isTrue();
		assertThat(this.store.withdraw("local-model")).isFalse();
		assertThat(this.store.offered()).containsOnlyKeys("llama3.2:3b");
		assertThat(this.store.find()).contains(ollama);
	}

}
