package dev.ragchat.answer.whole;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.ragchat.answer.Listing;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Kinds;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * The documents of a scope that are each about one thing of a kind: the halls of "which
 * halls allow pets?" where each hall has its own page. A document is of the kind when its
 * title is a name that ends with the kind's word ("Birchwater Campground"), or the first
 * sentence of its first passage says what it is with it ("Kestrel House is a self-catered
 * hall of residence", "Tomas Eke, a painter born in Harl, …"), with the word of the kind
 * or of one of its kinds ("Scarlet Ember is a cordon tomato" for plants): how a page
 * about one thing says what it is, the same for every subject. A word no page is about
 * ("how many people …") names no such documents.
 */
final class Things {

	/**
	 * What a sentence says a thing is or was: "is a", "are the", "was a", "is Ledgerly's"
	 * (as a page about a person, a ship, an event or a product says it), or a noun set
	 * beside a name (", a painter born in Harl", ", a medicine used for pain"), then the
	 * words of a noun up to what follows the noun (a preposition, a relative pronoun or
	 * punctuation): group 1, whose last word is the noun ("is the university's largest
	 * hall: …", "is a self-catered hall of residence").
	 */
	private static final Pattern IS_A = Pattern
		.compile("(?:\\b(?:is|are|was|were)\\s+(?:a|an|the|one\\s+of\\s+(?:the|our|its)|our|its"
				+ "|\\p{Lu}[\\p{L}\\p{N}-]*['’]s)|,\\s+(?:a|an))"
				+ "\\s+((?:[\\p{L}\\p{N}'’-]+\\s+){0,7}?[\\p{L}\\p{N}'’-]+)(?=\\s*(?:[,.;:()]|$)|\\s+(?:of|from|in|on|at|for"
				+ "|with|by|to|near|beside|that|which|where|who|whose)\\b)", Pattern.CASE_INSENSITIVE);

	/**
	 * A past participle, which says something of the noun before it ("a steamer built
	 * at", "a painter known for", "a novel set in"): a regular one, or one of English's
	 * common irregular ones.
	 */
	private static final Pattern PARTICIPLE = Pattern.compile("\\p{L}{3,}ed|built|born|made|known|sunk|sold|held"
			+ "|kept|laid|led|bred|fed|run|written|given|taken|seen|found|grown|drawn|shown|begun|set|lost|won|brought|bought"
			+ "|taught|spoken|chosen|frozen|stolen|worn|torn|sworn|hidden|ridden|driven|risen|fallen|thrown|flown",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The nouns by which English says a thing is one of another kind: "a version of", "a
	 * kind of", "a model of".
	 */
	private static final Pattern VARIANT = Pattern
		.compile("versions?|kinds?|types?|sorts?|forms?|models?|editions?|variet(?:y|ies)", Pattern.CASE_INSENSITIVE);

	/**
	 * What follows a {@link #VARIANT}: "of Ledgerly's app", "of the hybrid tea rose"
	 * (group 1).
	 */
	private static final Pattern KIND_OF = Pattern
		.compile("\\s+of\\s+(?:(?:a|an|the|our|its|\\p{Lu}[\\p{L}\\p{N}-]*['’]s)\\s+)?"
				+ "((?:[\\p{L}\\p{N}'’-]+\\s+){0,3}?[\\p{L}\\p{N}'’-]+)(?=\\s*(?:[,.;:()]|$)|\\s+(?:of|from|in|on|at|for|with|by|to"
				+ "|that|which|where|who)\\b)", Pattern.CASE_INSENSITIVE);

	/** A word written with a capital, as a name is. */
	private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}'’-]*");

	/** A title of capitalised words, as a name is written. */
	private static final Pattern NAME = Pattern.compile("(?:\\p{Lu}[\\p{L}\\p{N}'’-]*\\s+)+\\p{Lu}[\\p{L}'’-]*");

	private Things() {
	}

	/**
	 * @param search the one search
	 * @param scope the scope
	 * @param question a question about things: the kind as it writes it ("halls"), and
	 * whether only documents whose titles write every word of the kind are of it
	 * ("recycling centres": "Quarry Road Recycling Centre")
	 * @return the documents of the scope about one thing of that kind each, as a kind, or
	 * {@code null} when fewer than two are (the question is then not about such things)
	 */
	static Kind of(KnowledgeBaseSearch search, SearchRequest scope, WholeQuestion question) {
		String things = question.things();
		List<String> kind = Stems.of(things);
		if (kind.isEmpty() || kind.size() > 2) {
			return null;
		}
		// "support teams": teams, whose title or first sentence says "support"
		String stem = kind.getLast();
		String head = things.strip().substring(things.strip().lastIndexOf(' ') + 1);
		List<String> modifier = kind.subList(0, kind.size() - 1);
		Map<String, String> titles = new LinkedHashMap<>();
		// a page about one of them writes the word in the singular ("app" of "apps")
		KnowledgeBaseSearch.Scan scan = search.scan(scope, things, Stream.of(head, stem).distinct().toList(), 1,
				Listing.SCAN_PER_DOCUMENT, Listing.scanDepth(search.documents(scope)));
		Set<String> read = new HashSet<>();
		for (ScoredChunk found : scan.chunks()) {
			Chunk chunk = found.chunk();
			if (!read.add(chunk.documentId())) {
				continue;
			}
			if (question.titled()) {
				if (Stems.of(chunk.title()).containsAll(kind)) {
					titles.put(chunk.documentId(), chunk.title());
				}
				continue;
			}
			// the first passage is read only when the title does not settle it
			boolean named = named(chunk, stem, head);
			Chunk first = (named && modifier.isEmpty()) ? null : first(search, chunk);
			if ((named || defined(first, stem, head)) && (modifier.isEmpty()
					|| Stems.of(chunk.title() + " " + ((first != null) ? first.text() : "")).containsAll(modifier))) {
				titles.put(chunk.documentId(), chunk.title());
			}
		}
		return (titles.size() < 2) ? null : Kind.of(scope.in(List.copyOf(titles.keySet())), titles);
	}

	/**
	 * The first passage of a found passage's document, where a page says what its thing
	 * is, though it need not write the kind's own word there ("Scarlet Ember is a cordon
	 * tomato", "plants" further on); read only for a document its title does not name.
	 */
	private static Chunk first(KnowledgeBaseSearch search, Chunk chunk) {
		return (chunk.ordinal() == 0) ? chunk
				: search.chunks(chunk.documentId(), 1, 1)
					.stream()
					.filter((c) -> c.ordinal() == 0)
					.findFirst()
					.orElse(null);
	}

	/**
	 * Whether the document's title is a name that ends with the word ("Birchwater
	 * Campground"; not "Applying for a place in halls").
	 */
	private static boolean named(Chunk chunk, String stem, String things) {
		String[] words = chunk.title().strip().split("\\s+");
		return NAME.matcher(chunk.title().strip()).matches() && of(words[words.length - 1], stem, things);
	}

	/** Whether the document's first sentence says it is one ("… is a … hall"). */
	private static boolean defined(Chunk chunk, String stem, String things) {
		if (chunk == null || chunk.ordinal() != 0) {
			return false;
		}
		List<String> sentences = Sentences.of(chunk.text());
		if (sentences.isEmpty()) {
			return false;
		}
		Matcher is = IS_A.matcher(sentences.get(0));
		if (!is.find()) {
			return false;
		}
		String[] words = is.group(1).split("\\s+");
		for (int i = 1; i < words.length; i++) {
			if (PARTICIPLE.matcher(words[i]).matches() && of(words[i - 1], stem, things)) {
				// "was a cargo steamer built at Harl": the noun before what is said of it
				return true;
			}
		}
		Matcher kindOf = KIND_OF.matcher(sentences.get(0)).region(is.end(), sentences.get(0).length());
		if (VARIANT.matcher(words[words.length - 1]).matches() && kindOf.lookingAt()) {
			// "is the current version of Ledgerly's app": a version of an app is an app
			String[] of = kindOf.group(1).split("\\s+");
			return of(of[of.length - 1], stem, things);
		}
		return of(words[words.length - 1], stem, things);
	}

	/**
	 * Whether a noun a page says its thing is with names one of the kind: the kind's own
	 * word, or a word for one of its kinds ("tomato" of "plants", "antihistamine" of
	 * "medicines").
	 */
	private static boolean of(String noun, String stem, String things) {
		return Stems.of(noun).equals(List.of(stem)) || Kinds.isA(noun, things);
	}

	/**
	 * The documents of the things of a kind.
	 *
	 * @param scope the scope narrowed to them
	 * @param owners for a word of a title that the titles do not all share (as a stem),
	 * the documents whose title writes it (none for any other word)
	 */
	record Kind(SearchRequest scope, Function<String, Set<String>> owners) {

		/**
		 * @param scope the scope narrowed to them
		 * @param titles the titles of the things' documents, by document
		 * @return the kind
		 */
		static Kind of(SearchRequest scope, Map<String, String> titles) {
			Map<String, Set<String>> owners = new HashMap<>();
			titles.forEach((document, title) -> Stems.of(title)
				.forEach((word) -> owners.computeIfAbsent(word, (w) -> new HashSet<>()).add(document)));
			owners.values().removeIf((documents) -> documents.size() == titles.size());
			return new Kind(scope, (word) -> owners.getOrDefault(word, Set.of()));
		}

		/**
		 * @param document a document of the kind
		 * @param sentence one of its sentences
		 * @return whether the sentence speaks of another of the things: it writes, as a
		 * name (capitalised), a word of another's title that the titles do not all share,
		 * and none of its own ("for bagels, the Crema T4 has a Bagel function" on the
		 * Crema T2's page; not "houses" on a hall's page beside "Kestrel House")
		 */
		boolean ofAnother(String document, String sentence) {
			Set<String> named = new HashSet<>();
			Matcher capitalised = CAPITALISED.matcher(sentence);
			while (capitalised.find()) {
				Stems.of(capitalised.group()).forEach((word) -> named.addAll(this.owners.apply(word)));
			}
			return !named.isEmpty() && !named.contains(document);
		}

	}

}
