package dev.ragchat.api.chat.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.SessionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link SessionStore} adapter passes: subclasses hand over a fresh,
 * empty store.
 */
abstract class SessionStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	SessionStore store;

	protected abstract SessionStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void findsSavedSessionWithAllItsSettings() {
		ChatSession session = new ChatSession("ses_1", "key_1", "default", "cfg_1", "Answer briefly.",
				"gemini-2.5-flash", 0.2, 8, NOW, NOW.plus(Duration.ofMinutes(15)), null);
		this.store.save(session);
		assertThat(this.store.findById("ses_1")).contains(session);
	}

	@Test
	void keepsAbsentSettingsAbsent() {
		this.store.save(session("ses_2", "key_1"));
		ChatSession found = this.store.findById("ses_2").orElseThrow();
		assertThat(found.configId()).isNull();
		assertThat(found.temperature()).isNull();
		assertThat(found.topK()).isNull();
	}

	@Test
	void findsNothingForUnknownId() {
		assertThat(this.store.findById("ses_nope")).isEmpty();
	}

	@Test
	void endsOnceAndKeepsTheFirstTime() {
		this.store.save(session("ses_3", "key_1"));
		assertThat(this.store.end("ses_3", NOW.plusSeconds(1))).isTrue();
		assertThat(this.store.end("ses_3", NOW.plusSeconds(2))).isTrue();
		ChatSession ended = this.store.findById("ses_3").orElseThrow();
		assertThat(ended.endedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(ended.isActive(NOW.plusSeconds(3))).isFalse();
		assertThat(this.store.end("ses_nope", NOW)).isFalse();
	}

	@Test
	void endsEveryOpenSessionOfOneKeyOnly() {
		this.store.save(session("ses_4", "key_1"));
		this.store.save(session("ses_5", "key_1"));
		this.store.save(session("ses_6", "key_2"));
		this.store.end("ses_5", NOW);
		assertThat(this.store.endAllOfKey("key_1", NOW.plusSeconds(1))).isEqualTo(1);
		assertThat(this.store.findById("ses_4").orElseThrow().endedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(this.store.findById("ses_5").orElseThrow().endedAt()).isEqualTo(NOW);
		assertThat(this.store.findById("ses_6").orElseThrow().endedAt()).isNull();
	}

	static ChatSession session(String id, String keyId) {
		return new ChatSession(id, keyId, "default", null, null, null, null, null, NOW,
				NOW.plus(Duration.ofMinutes(15)), null);
	}

}
