package dev.ragchat.api.chat.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.MessageStore;
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

	/**
	 * @return a message store on the catalog of the store {@link #createStore} made last
	 * (a search reads the messages of the sessions)
	 */
	protected abstract MessageStore messagesBeside();

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
		assertThat(ended.isOpen()).isFalse();
		assertThat(this.store.end("ses_nope", NOW)).isFalse();
	}

	@Test
	void renewsTheExpiryOfItsLatestTokenAndNothingElse() {
		this.store.save(session("ses_renew", "key_1"));
		Instant later = NOW.plus(Duration.ofHours(2));
		assertThat(this.store.renew("ses_renew", later)).isTrue();
		ChatSession renewed = this.store.findById("ses_renew").orElseThrow();
		assertThat(renewed.expiresAt()).isEqualTo(later);
		assertThat(renewed.createdAt()).isEqualTo(NOW);
		assertThat(renewed.isOpen()).isTrue();
		assertThat(this.store.renew("ses_nope", later)).isFalse();
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

	@Test
	void pagesTheSessionsOfOneKeyNewestFirst() {
		for (int i = 1; i <= 4; i++) {
			this.store.save(new ChatSession("ses_p" + i, "key_p", "default", null, null, null, null, null,
					NOW.plusSeconds(i), NOW.plus(Duration.ofMinutes(15)), null));
		}
		this.store.save(session("ses_q", "key_q"));
		assertThat(this.store.pageOfKey("key_p", null, 0, 2)).extracting(ChatSession::id)
			.containsExactly("ses_p4", "ses_p3");
		assertThat(this.store.pageOfKey("key_p", null, 2, 10)).extracting(ChatSession::id)
			.containsExactly("ses_p2", "ses_p1");
		assertThat(this.store.countOfKey("key_p", null)).isEqualTo(4);
		assertThat(this.store.pageOfKey("key_none", null, 0, 10)).isEmpty();
	}

	@Test
	void pagesAndCountsTheSessionsOfTheKeysOfALineageTogether() {
		this.store.save(new ChatSession("ses_l1", "key_l1", "default", null, null, null, null, null, NOW.plusSeconds(1),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(new ChatSession("ses_l2", "key_l2", "finance", null, null, null, null, null, NOW.plusSeconds(2),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(new ChatSession("ses_l3", "key_l1", "default", null, null, null, null, null, NOW.plusSeconds(3),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(session("ses_stranger", "key_stranger"));
		assertThat(this.store.pageOfKeys(List.of("key_l1", "key_l2"), null, null, 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_l3", "ses_l2", "ses_l1");
		assertThat(this.store.countOfKeys(List.of("key_l1", "key_l2"), null, null)).isEqualTo(3);
		assertThat(this.store.pageOfKeys(List.of("key_l1", "key_l2"), List.of("finance"), null, 0, 10))
			.extracting(ChatSession::id)
			.containsExactly("ses_l2");
		assertThat(this.store.pageOfKeys(List.of(), null, null, 0, 10)).isEmpty();
		assertThat(this.store.countOfKeys(List.of(), null, null)).isZero();
	}

	@Test
	void pagesAndCountsTheSessionsOfOneKeyOnSomeKnowledgeBasesOnly() {
		for (int i = 1; i <= 4; i++) {
			this.store.save(new ChatSession("ses_k" + i, "key_k", (i % 2 == 0) ? "finance" : "default", null, null,
					null, null, null, NOW.plusSeconds(i), NOW.plus(Duration.ofMinutes(15)), null));
		}
		this.store.save(new ChatSession("ses_other", "key_other", "finance", null, null, null, null, null, NOW,
				NOW.plus(Duration.ofMinutes(15)), null));
		assertThat(this.store.pageOfKey("key_k", List.of("finance"), 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_k4", "ses_k2");
		assertThat(this.store.pageOfKey("key_k", List.of("finance", "default"), 1, 2)).extracting(ChatSession::id)
			.containsExactly("ses_k3", "ses_k2");
		assertThat(this.store.countOfKey("key_k", List.of("finance"))).isEqualTo(2);
		assertThat(this.store.pageOfKey("key_k", List.of(), 0, 10)).isEmpty();
		assertThat(this.store.countOfKey("key_k", List.of())).isZero();
		assertThat(this.store.countOfKey("key_k", List.of("nowhere"))).isZero();
	}

	@Test
	void replacesOnlyTheSettings() {
		this.store.save(session("ses_u", "key_1"));
		ChatSession changed = new ChatSession("ses_u", "key_other", "other", "cfg_x", "Be terse.", "gemini-2.5-pro",
				0.7, 9, NOW.plusSeconds(5), NOW, NOW);
		assertThat(this.store.updateSettings(changed)).isTrue();
		assertThat(this.store.findById("ses_u")).contains(new ChatSession("ses_u", "key_1", "default", null,
				"Be terse.", "gemini-2.5-pro", 0.7, 9, NOW, NOW.plus(Duration.ofMinutes(15)), null));
		assertThat(this.store.updateSettings(session("ses_none", "key_1"))).isFalse();
	}

	@Test
	void namesASessionAndKeepsItsName() {
		this.store.save(session("ses_t", "key_1"));
		assertThat(this.store.rename("ses_t", "Lighthouse questions")).isTrue();
		assertThat(this.store.findById("ses_t")).map(ChatSession::title).contains("Lighthouse questions");
		assertThat(this.store.pageOfKey("key_1", null, 0, 10)).extracting(ChatSession::title)
			.contains("Lighthouse questions");
		assertThat(this.store.rename("ses_t", null)).isTrue();
		assertThat(this.store.findById("ses_t").orElseThrow().title()).isNull();
		assertThat(this.store.rename("ses_none", "x")).isFalse();
	}

	@Test
	void listsPinnedSessionsFirstTheLatestPinnedFirstThenTheNewest() {
		for (int i = 1; i <= 4; i++) {
			this.store.save(new ChatSession("ses_n" + i, "key_n", "default", null, null, null, null, null,
					NOW.plusSeconds(i), NOW.plus(Duration.ofMinutes(15)), null));
		}
		assertThat(this.store.pin("ses_n1", NOW.plusSeconds(10))).isTrue();
		assertThat(this.store.pin("ses_n3", NOW.plusSeconds(20))).isTrue();
		assertThat(this.store.pin("ses_none", NOW)).isFalse();
		assertThat(this.store.findById("ses_n3").orElseThrow().pinnedAt()).isEqualTo(NOW.plusSeconds(20));
		assertThat(this.store.pageOfKey("key_n", null, 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_n3", "ses_n1", "ses_n4", "ses_n2");
		assertThat(this.store.pageOfKey("key_n", List.of("default"), 1, 2)).extracting(ChatSession::id)
			.containsExactly("ses_n1", "ses_n4");
		// unpinned, it takes its place among the others again
		assertThat(this.store.pin("ses_n3", null)).isTrue();
		assertThat(this.store.findById("ses_n3").orElseThrow().isPinned()).isFalse();
		assertThat(this.store.pageOfKey("key_n", null, 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_n1", "ses_n4", "ses_n3", "ses_n2");
	}

	@Test
	void keepsThePinWithTheRestOfTheSession() {
		ChatSession pinned = session("ses_kept", "key_1").with("Kept", NOW.plusSeconds(3));
		this.store.save(pinned);
		assertThat(this.store.findById("ses_kept")).contains(pinned);
	}

	@Test
	void searchesTheTitlesAndMessagesOfOneKeysSessionsIgnoringCase() {
		MessageStore messages = messagesBeside();
		this.store.save(new ChatSession("ses_s1", "key_s", "default", null, null, null, null, null, NOW.plusSeconds(1),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(new ChatSession("ses_s2", "key_s", "finance", null, null, null, null, null, NOW.plusSeconds(2),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(new ChatSession("ses_s3", "key_s", "default", null, null, null, null, null, NOW.plusSeconds(3),
				NOW.plus(Duration.ofMinutes(15)), null));
		this.store.save(session("ses_s4", "key_other"));
		this.store.rename("ses_s3", "Kestrel Point notes");
		messages.append(new ChatMessage("m_s1", "ses_s1", ChatMessage.USER, "When was the LIGHTHOUSE automated?", null,
				List.of(), NOW));
		messages.append(new ChatMessage("m_s2", "ses_s1", ChatMessage.ASSISTANT, "In 1987 [1]", true, List.of(), NOW));
		messages.append(new ChatMessage("m_s3", "ses_s2", ChatMessage.ASSISTANT, "The lighthouse budget (50%)", true,
				List.of(), NOW));
		messages.append(new ChatMessage("m_s4", "ses_s4", ChatMessage.USER, "lighthouse", null, List.of(), NOW));

		// in the text of a question or an answer, in the title; newest first
		assertThat(this.store.pageOfKey("key_s", null, "Lighthouse", 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_s2", "ses_s1");
		assertThat(this.store.countOfKey("key_s", null, "lighthouse")).isEqualTo(2);
		assertThat(this.store.pageOfKey("key_s", null, "kestrel", 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_s3");
		assertThat(this.store.pageOfKey("key_s", null, "1987 [1]", 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_s1");
		// only on the knowledge bases asked, paged
		assertThat(this.store.pageOfKey("key_s", List.of("default"), "lighthouse", 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_s1");
		assertThat(this.store.countOfKey("key_s", List.of("finance"), "lighthouse")).isEqualTo(1);
		assertThat(this.store.pageOfKey("key_s", null, "lighthouse", 1, 1)).extracting(ChatSession::id)
			.containsExactly("ses_s1");
		// wildcards of SQL and regular expressions are plain text
		assertThat(this.store.pageOfKey("key_s", null, "50%", 0, 10)).extracting(ChatSession::id)
			.containsExactly("ses_s2");
		assertThat(this.store.countOfKey("key_s", null, "%")).isEqualTo(1);
		assertThat(this.store.countOfKey("key_s", null, "_")).isZero();
		assertThat(this.store.countOfKey("key_s", null, ".*")).isZero();
		assertThat(this.store.countOfKey("key_s", null, "(50")).isEqualTo(1);
		assertThat(this.store.pageOfKey("key_s", null, "nowhere", 0, 10)).isEmpty();
		assertThat(this.store.pageOfKey("key_s", List.of(), "lighthouse", 0, 10)).isEmpty();
		assertThat(this.store.countOfKey("key_none", null, "lighthouse")).isZero();
	}

	@Test
	void deletesASessionForGood() {
		this.store.save(session("ses_d", "key_1"));
		assertThat(this.store.delete("ses_d")).isTrue();
		assertThat(this.store.findById("ses_d")).isEmpty();
		assertThat(this.store.delete("ses_d")).isFalse();
	}

	static ChatSession session(String id, String keyId) {
		return new ChatSession(id, keyId, "default", null, null, null, null, null, NOW,
				NOW.plus(Duration.ofMinutes(15)), null);
	}

}
