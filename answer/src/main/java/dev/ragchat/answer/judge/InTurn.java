package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ragchat.answer.text.Pointed;

/**
 * The things of a kind an answer offers by speaking of each in turn after a first
 * sentence that picks none of them: "Both recycling centres are open on Saturdays.
 * Hollins Lane is open 8 am to 6 pm … Quarry Road is open 9 am to 5 pm …". An answer
 * writes each by the words that tell it from the others ("Hollins Lane" of "Hollins Lane
 * Recycling Centre" beside "Quarry Road Recycling Centre"); one whose first sentence
 * writes one of them picked it ("Fennick Falls allows dogs. Heronsway does not.").
 */
final class InTurn {

	private InTurn() {
	}

	/**
	 * @param named the things the conversation named
	 * @param opening the answer's first sentence
	 * @param answered the answer
	 * @return the groups of things of one kind (names of several words ending in the same
	 * word) the answer writes, when its first sentence writes none of them
	 */
	static List<List<Judged.Named>> offered(List<Judged.Named> named, String opening, String answered) {
		List<List<Judged.Named>> offered = new ArrayList<>();
		if (answered == null) {
			return offered;
		}
		Map<String, List<Judged.Named>> kinds = new LinkedHashMap<>();
		for (Judged.Named thing : named) {
			if (thing.label().strip().split("[\\s-]+").length > 1) {
				kinds.computeIfAbsent(Pointed.stem(NamedTogether.head(thing.label())), (kind) -> new ArrayList<>())
					.add(thing);
			}
		}
		String first = opening.toLowerCase(Locale.ROOT);
		String whole = answered.toLowerCase(Locale.ROOT);
		for (List<Judged.Named> kind : kinds.values()) {
			List<String> apart = apart(kind);
			if (apart.stream().anyMatch((words) -> NamedTogether.phraseAt(first, words) >= 0)) {
				continue;
			}
			List<Judged.Named> written = new ArrayList<>();
			for (int i = 0; i < kind.size(); i++) {
				if (NamedTogether.phraseAt(whole, apart.get(i)) >= 0) {
					written.add(kind.get(i));
				}
			}
			offered.add(written);
		}
		return offered;
	}

	/**
	 * The words of each name before the words all the names end with ("hollins lane" of
	 * "Hollins Lane Recycling Centre" beside "Quarry Road Recycling Centre"), lower case.
	 */
	private static List<String> apart(List<Judged.Named> kind) {
		List<List<String>> words = kind.stream()
			.map((thing) -> List.of(thing.label().toLowerCase(Locale.ROOT).strip().split("\\s+")))
			.toList();
		int shared = 0;
		while (sharedFromEnd(words, shared)) {
			shared++;
		}
		int end = shared;
		return words.stream().map((name) -> String.join(" ", name.subList(0, name.size() - end))).toList();
	}

	/**
	 * Whether every name has a word more than {@code from} from its end, and all the same
	 * one.
	 */
	private static boolean sharedFromEnd(List<List<String>> words, int from) {
		return words.stream().allMatch((name) -> name.size() > from + 1)
				&& words.stream().map((name) -> name.get(name.size() - 1 - from)).distinct().count() == 1;
	}

}
