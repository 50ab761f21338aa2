package dev.ragchat.api.keys;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFormatTests {

	@Test
	void issuesRecognizableKeysWithAtLeast128RandomBits() {
		String key = KeyFormat.newKey();
		assertThat(key).startsWith("rck_").hasSize(KeyFormat.LENGTH);
		assertThat(KeyFormat.isWellFormed(key)).isTrue();
		double bits = 32 * (Math.log(62) / Math.log(2));
		assertThat(bits).isGreaterThanOrEqualTo(128);
	}

	@Test
	void issuesDifferentKeysEachTime() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			keys.add(KeyFormat.newKey());
		}
		assertThat(keys).hasSize(1000);
	}

	@Test
	void rejectsMistypedKeyByChecksum() {
		String key = KeyFormat.newKey();
		int position = KeyFormat.PREFIX.length() + 5;
		char typo = (key.charAt(position) == 'a') ? 'b' : 'a';
		String mistyped = key.substring(0, position) + typo + key.substring(position + 1);
		assertThat(KeyFormat.isWellFormed(mistyped)).isFalse();
	}

	@Test
	void rejectsSwappedCharacters() {
		String key = KeyFormat.newKey();
		int p = KeyFormat.PREFIX.length();
		while (key.charAt(p) == key.charAt(p + 1)) {
			p++;
		}
		String swapped = key.substring(0, p) + key.charAt(p + 1) + key.charAt(p) + key.substring(p + 2);
		assertThat(KeyFormat.isWellFormed(swapped)).isFalse();
	}

	@Test
	void rejectsWrongPrefixLengthAndAlphabet() {
		String key = KeyFormat.newKey();
		assertThat(KeyFormat.isWellFormed("xck_" + key.substring(4))).isFalse();
		assertThat(KeyFormat.isWellFormed(key + "A")).isFalse();
		assertThat(KeyFormat.isWellFormed(key.substring(0, key.length() - 1))).isFalse();
		assertThat(KeyFormat.isWellFormed(key.substring(0, 10) + "-" + key.substring(11))).isFalse();
		assertThat(KeyFormat.isWellFormed(null)).isFalse();
	}

}
