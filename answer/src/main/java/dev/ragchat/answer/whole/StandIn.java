package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.retrieval.Chunk;

/**
 * The kind of figure ({@link Figures#kind}) the documents that say what a question about
 * the whole scope asks give where they say it, when nearly all of them do: "a termination
 * fee of EUR 12,500", "a fee of 4,000 SEK". A document that gives a figure of that kind
 * beside all but one of the asked words says it in words of its own ("a break fee of SEK
 * 22,000"). A bare number (a year, a count) stands for nothing: too many sentences write
 * one.
 */
final class StandIn {

	/** How many of the documents that say it must give the figure, as a share. */
	private static final double MOST = 0.8;

	/** One document alone tells nothing of how the others say it. */
	private static final int FEWEST = 2;

	private StandIn() {
	}

	/**
	 * Whether a passage writes every asked word, in its text or its headings: a figure
	 * stands for a word of what is asked where the passage is about it ("a break fee of
	 * SEK 22,000" under "Term and termination"), not for any ("a monthly fee of EUR 40"
	 * under "Prices" says no termination fee).
	 * @param says what is asked
	 * @param chunk the passage
	 * @return whether it writes them all (permissions and currencies aside)
	 */
	static boolean passageWrites(Says says, Chunk chunk) {
		List<String> written = Stems.of(chunk.title() + "\n" + chunk.headingPath() + "\n" + chunk.text());
		return says.asked()
			.stream()
			.filter((word) -> word.matches("\\p{L}+") && !Permission.word(word) && !Figures.saidByASign(word))
			.allMatch(written::contains);
	}

	/**
	 * @param sentences the sentences that say it, one a document
	 * @param headings their headings
	 * @return the kind of figure at least four in five of them give, not a bare number,
	 * or {@code null}
	 */
	static String kind(List<String> sentences, List<String> headings) {
		if (sentences.size() < FEWEST) {
			return null;
		}
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			kinds.add(Figures.kind(Figures.value(sentences.get(i), headings.get(i))));
		}
		for (String kind : kinds) {
			if (kind != null && !"count".equals(kind)
					&& kinds.stream().filter(kind::equals).count() >= MOST * sentences.size()) {
				return kind;
			}
		}
		return null;
	}

}
