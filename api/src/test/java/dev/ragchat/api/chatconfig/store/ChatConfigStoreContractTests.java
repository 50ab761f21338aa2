package dev.ragchat.api.chatconfig.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ChatConfigStore} adapter passes.
 */
abstract class ChatConfigStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ChatConfigStore store;

	protected abstract ChatConfigStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void findsSavedConfigWithEverySetting() {
		ChatConfig config = new ChatConfig("cfg_1", "Support", "kb_1", "Answer briefly.", "gemini-2.5-flash", 0.2, 7,
				"key_1", NOW, NOW);
		this.store.save(config);
		assertThat(this.store.findById("cfg_1")).contains(config);
		assertThat(this.store.findById("cfg_2")).isEmpty();
	}

	@Test
	void keepsAbsentSettingsAbsent() {
		ChatConfig config = new ChatConfig("cfg_3", "Bare", "kb_1", null, null, null, null, "key_1", NOW, NOW);
		this.store.save(config);
		assertThat(this.store.findById("cfg_3")).contains(config);
	}

	@Test
	void updatesSettingsButKeepsOwnerAndCreationTime() {
		this.store.save(new ChatConfig("cfg_4", "Old", "kb_1", "Be formal.", null, 0.5, 5, "key_1", NOW, NOW));
		Instant later = NOW.plusSeconds(60);
		assertThat(this.store
			.update(new ChatConfig("cfg_4", "New", "kb_2", null, "m", null, 3, "key_other", later, later))).isTrue();
		assertThat(this.store.findById("cfg_4"))
			.contains(new ChatConfig("cfg_4", "New", "kb_2", null, "m", null, 3, "key_1", NOW, later));
	}

	@Test
	void updatesNothingThatDoesNotExist() {
		assertThat(this.store.update(new ChatConfig("cfg_9", "X", "kb", null, null, null, null, "k", NOW, NOW)))
			.isFalse();
		assertThat(this.store.findById("cfg_9")).isEmpty();
	}

	@Test
	void keepsThePersonaFieldsAndPagesByKnowledgeBase() {
		ChatConfig persona = new ChatConfig("cfg_p1", "B persona", "kb_p", null, null, null, null, "key_1", NOW, NOW,
				"Answers visa questions", "https://example.org/a.png", false);
		this.store.save(persona);
		this.store.save(new ChatConfig("cfg_p2", "A persona", "kb_p", null, null, null, null, "key_1", NOW, NOW));
		this.store.save(new ChatConfig("cfg_p3", "C elsewhere", "kb_q", null, null, null, null, "key_1", NOW, NOW));
		assertThat(this.store.findById("cfg_p1")).contains(persona);
		assertThat(this.store.findById("cfg_p2").orElseThrow().editable()).isTrue();
		assertThat(this.store.page(List.of("kb_p"), 0, 10)).extracting(ChatConfig::id)
			.containsExactly("cfg_p2", "cfg_p1");
		assertThat(this.store.page(List.of("kb_p"), 1, 10)).extracting(ChatConfig::id).containsExactly("cfg_p1");
		assertThat(this.store.count(List.of("kb_p"))).isEqualTo(2);
		assertThat(this.store.page(null, 0, 10)).extracting(ChatConfig::id)
			.containsExactly("cfg_p2", "cfg_p1", "cfg_p3");
		assertThat(this.store.page(List.of(), 0, 10)).isEmpty();
		ChatConfig locked = new ChatConfig("cfg_p2", "A persona", "kb_p", null, null, null, null, "key_1", NOW, NOW,
				"now described", null, false);
		this.store.update(locked);
		assertThat(this.store.findById("cfg_p2")).contains(locked);
	}

}
