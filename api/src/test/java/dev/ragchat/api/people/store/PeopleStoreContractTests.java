package dev.ragchat.api.people.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ragchat.api.people.Grant;
import dev.ragchat.api.people.PeopleStore;
import dev.ragchat.api.people.PersonRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link PeopleStore} adapter passes.
 */
abstract class PeopleStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	PeopleStore store;

	protected abstract PeopleStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsAPersonFoundByIdAndBySubjectAndUpdatesThem() {
		PersonRecord ada = new PersonRecord("per_1", "https://idp.example", "sub-1", "Ada", "ada@example.com",
				List.of("engineering", "finance"), "key_1", NOW, NOW, null);
		this.store.save(ada);
		assertThat(this.store.findById("per_1")).contains(ada);
		assertThat(this.store.findBySubject("https://idp.example", "sub-1")).contains(ada);
		assertThat(this.store.findBySubject("https://other.example", "sub-1")).isEmpty();

		PersonRecord later = new PersonRecord("per_1", "https://idp.example", "sub-1", "Ada L.", null, List.of(),
				"key_2", NOW, NOW.plusSeconds(60), NOW.plusSeconds(120));
		this.store.save(later);
		assertThat(this.store.findById("per_1")).contains(later);
		assertThat(this.store.findAll()).containsExactly(later);
	}

	@Test
	void knowsWhoHoldsAKey() {
		this.store.holdKey("key_a", "per_1");
		this.store.holdKey("key_b", "per_1");
		this.store.holdKey("key_c", "per_2");
		assertThat(this.store.holderOf("key_b")).contains("per_1");
		assertThat(this.store.holderOf("key_x")).isEmpty();
		assertThat(this.store.keysOf("per_1")).containsExactly("key_a", "key_b");
	}

	@Test
	void keepsOneGrantPerGranteeAndKnowledgeBaseAndWithdrawsThem() {
		this.store.grant(new Grant("kb1", "group:finance", Grant.Permission.CHAT, NOW));
		this.store.grant(new Grant("kb1", "group:finance", Grant.Permission.UPLOAD, NOW));
		this.store.grant(new Grant("kb1", "person:per_1", Grant.Permission.MANAGE, NOW));
		this.store.grant(new Grant("kb2", "group:engineering", Grant.Permission.CHAT, NOW));
		assertThat(this.store.grantsOf("kb1")).containsExactly(
				new Grant("kb1", "group:finance", Grant.Permission.UPLOAD, NOW),
				new Grant("kb1", "person:per_1", Grant.Permission.MANAGE, NOW));
		assertThat(this.store.grantsTo(List.of("group:engineering", "person:per_1")))
			.extracting(Grant::knowledgeBase, Grant::grantee)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("kb1", "person:per_1"),
					org.assertj.core.groups.Tuple.tuple("kb2", "group:engineering"));
		assertThat(this.store.grantsTo(List.of())).isEmpty();

		assertThat(this.store.revoke("kb1", "group:finance")).isTrue();
		assertThat(this.store.revoke("kb1", "group:finance")).isFalse();
		this.store.revokeAll("kb1");
		assertThat(this.store.grantsOf("kb1")).isEmpty();
		assertThat(this.store.grantsOf("kb2")).hasSize(1);
	}

}
