package dev.ragchat.api.access.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The contract every {@link ApiKeyStore} adapter passes: subclasses hand over a fresh,
 * empty store.
 */
abstract class ApiKeyStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ApiKeyStore store;

	protected abstract ApiKeyStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void findsSavedKeyByHashAndById() {
		ApiKey key = key("key_a", NOW);
		this.store.save(key, hash('a'));
		assertThat(this.store.findByHash(hash('a'))).contains(key);
		assertThat(this.store.findById("key_a")).contains(key);
	}

	@Test
	void keepsScopesKnowledgeBasesAndName() {
		ApiKey key = new ApiKey("key_b", "nightly uploader", Set.of(Scope.UPLOAD, Scope.ADMIN), List.of("kb-1", "kb_2"),
				NOW, NOW.plus(Duration.ofDays(30)), null, null);
		this.store.save(key, hash('b'));
		ApiKey found = this.store.findById("key_b").orElseThrow();
		assertThat(found.name()).isEqualTo("nightly uploader");
		assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.UPLOAD, Scope.ADMIN);
		assertThat(found.knowledgeBases()).containsExactly("kb-1", "kb_2");
		assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
	}

	@Test
	void findsNothingForUnknownHashOrId() {
		this.store.save(key("key_c", NOW), hash('c'));
		assertThat(this.store.findByHash(hash('d'))).isEmpty();
		assertThat(this.store.findById("key_d")).isEmpty();
	}

	@Test
	void refusesSecondKeyWithTheSameHash() {
		this.store.save(key("key_e", NOW), hash('e'));
		assertThatRuntimeException().isThrownBy(() -> this.store.save(key("key_f", NOW), hash('e')));
	}

	@Test
	void listsNewestFirst() {
		this.store.save(key("key_old", NOW.minusSeconds(60)), hash('1'));
		this.store.save(key("key_new", NOW), hash('2'));
		assertThat(this.store.findAll()).extracting(ApiKey::id).containsExactly("key_new", "key_old");
	}

	@Test
	void revokesOnceAndKeepsTheFirstTime() {
		this.store.save(key("key_g", NOW), hash('g'));
		assertThat(this.store.revoke("key_g", NOW.plusSeconds(1))).isTrue();
		assertThat(this.store.revoke("key_g", NOW.plusSeconds(2))).isTrue();
		assertThat(this.store.findById("key_g").orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(this.store.findByHash(hash('g')).orElseThrow().isActive(NOW.plusSeconds(3))).isFalse();
	}

	@Test
	void findsTheKeysOfALineageOldestFirstAKeyOfItsOwnIncluded() {
		ApiKey first = key("key_l1", NOW.minusSeconds(60));
		ApiKey renewal = new ApiKey("key_l2", null, Set.of(Scope.CHAT), List.of("*"), NOW,
				NOW.plus(Duration.ofHours(1)), null, null, "key_l1");
		this.store.save(first, hash('l'));
		this.store.save(renewal, hash('m'));
		this.store.save(key("key_other", NOW), hash('o'));
		assertThat(this.store.findByLineage("key_l1")).extracting(ApiKey::id).containsExactly("key_l1", "key_l2");
		assertThat(this.store.findById("key_l2").orElseThrow().lineage()).isEqualTo("key_l1");
		assertThat(this.store.findById("key_l1").orElseThrow().lineage()).isEqualTo("key_l1");
		assertThat(this.store.findByLineage("key_l2")).isEmpty();
	}

	@Test
	void expiresAKeyEarlierButNeverLater() {
		this.store.save(key("key_x", NOW), hash('x'));
		assertThat(this.store.expire("key_x", NOW.plusSeconds(10))).isTrue();
		assertThat(this.store.findById("key_x").orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(10));
		this.store.expire("key_x", NOW.plus(Duration.ofHours(2)));
		assertThat(this.store.findById("key_x").orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(10));
		assertThat(this.store.findById("key_x").orElseThrow().revokedAt()).isNull();
		assertThat(this.store.expire("key_nope", NOW)).isFalse();
	}

	@Test
	void revokingUnknownKeyReportsIt() {
		assertThat(this.store.revoke("key_nope", NOW)).isFalse();
	}

	@Test
	void recordsLastUse() {
		this.store.save(key("key_h", NOW), hash('h'));
		this.store.recordUse("key_h", NOW.plusSeconds(5));
		assertThat(this.store.findById("key_h").orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(5));
		this.store.recordUse("key_h", NOW.plus(Duration.ofMinutes(5)));
		assertThat(this.store.findById("key_h").orElseThrow().lastUsedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	static ApiKey key(String id, Instant createdAt) {
		return new ApiKey(id, null, Set.of(Scope.CHAT), List.of("*"), createdAt, createdAt.plus(Duration.ofHours(1)),
				null, null);
	}

	static String hash(char c) {
		return String.valueOf(c).repeat(64);
	}

}
