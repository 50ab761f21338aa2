package dev.ragchat.answer.ground;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * The documents of a knowledge base a name is looked up in, through the one search: which
 * write it, and whether one is about it.
 */
final class NamedDocuments {

	/** In how many of its chunks a document must hold a name to be about it. */
	static final int MENTIONS = 3;

	/**
	 * How many chunks of a document a name is looked up in: the index's keyword analyser
	 * stems ("Corning" finds "corn"), so the chunks it finds are read for the name
	 * itself.
	 */
	static final int LOOKUP = 20;

	/** How many documents found by a name are read to see whether they are about it. */
	static final int CANDIDATE_DOCUMENTS = 5;

	/** A name of several words ("Cloud Shell", "Calda A8"). */
	private static final Pattern PHRASE = Pattern.compile("\\S+(?: \\S+)+");

	private final KnowledgeBaseSearch search;

	/**
	 * @param search looks words up in the knowledge base's documents
	 */
	NamedDocuments(KnowledgeBaseSearch search) {
		this.search = search;
	}

	/**
	 * The documents of the knowledge base whose chunks write the name (its title or file
	 * name, its text), those of the chunks the keyword index finds for it first.
	 */
	List<String> naming(String knowledgeBase, String name) {
		List<String> parts = parts(name);
		if (parts.isEmpty()) {
			return List.of();
		}
		Spelling spelling = Spelling.of(name);
		return this.search.lookUp(knowledgeBase, Grounding.words(name), parts, List.of(), LOOKUP)
			.stream()
			.filter((found) -> {
				Evidence own = Evidence.of(List.of(found));
				return own.writes(spelling) || own.titlesHold(Grounding.words(name));
			})
			.map((found) -> found.chunk().documentId())
			.distinct()
			.limit(CANDIDATE_DOCUMENTS)
			.toList();
	}

	/**
	 * Whether one of the documents is about the name: it writes every part of it (parts
	 * of one letter say nothing and are not looked up; a proper name with its capital) in
	 * at least {@link #MENTIONS} of its chunks (in each, when it has fewer: the count
	 * must not favour big documents over small ones), and a proper name that it never
	 * writes in lower case (a name, not a capitalised word such as "Revenue") on its
	 * first page too. A document names itself and what it defines again and again;
	 * another company it mentions in passing does not make it about that company, and
	 * neither does one it names often but does not introduce on its first page (a
	 * filing's largest customer).
	 */
	boolean about(String knowledgeBase, List<String> documents, String name) {
		// a proper name, or one of several words written as one ("Cloud Shell": the
		// ground
		// step's names are words, or such phrases), is one part
		boolean one = NamesRule.PROPER_NAME.matcher(name).matches() || PHRASE.matcher(name).matches();
		List<String> parts = one ? List.of(name) : parts(name);
		if (parts.isEmpty()) {
			return false;
		}
		for (String document : documents) {
			boolean all = true;
			for (String part : parts) {
				Spelling spelling = Spelling.of(part);
				String word = spelling.words();
				List<ScoredChunk> found = this.search.lookUp(knowledgeBase, word, List.of(word), List.of(document),
						LOOKUP);
				long writing = found.stream()
					.filter((chunk) -> Evidence.of(List.of(chunk)).writes(spelling))
					.limit(MENTIONS)
					.count();
				// a document of fewer chunks than that names it in every one
				if ((writing < MENTIONS && (writing == 0 || writing < this.search.count(document)))
						|| (spelling.capitalised() != null && !spelling.writtenAsAWord(found)
								&& !introduces(document, spelling))) {
					all = false;
					break;
				}
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The words of a name as {@link Grounding#words} writes them, those of one letter
	 * left out (they say nothing and are not looked up).
	 */
	private static List<String> parts(String name) {
		return List.of(Grounding.words(name).split("[\\s&]+")).stream().filter((part) -> part.length() > 1).toList();
	}

	/**
	 * Whether the document's first page (a filing's cover, a paper's title page; all of a
	 * document without pages) writes the name.
	 */
	private boolean introduces(String document, Spelling name) {
		List<ScoredChunk> first = this.search.chunks(document, 1, 1)
			.stream()
			.map((chunk) -> new ScoredChunk(chunk, 0))
			.toList();
		return !first.isEmpty() && Evidence.of(first).writes(name);
	}

}
