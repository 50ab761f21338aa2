package dev.ragchat.answer.ground;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.query.Periods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ground step: the sources must speak of what the question names, or no answer is
 * written. A name (or period) of the question is supported when
 * <ol>
 * <li>a source's title, file name, heading path or text holds it as a word (case and a
 * possessive aside), or a title holds it inside a word ("Activision" in
 * "ACTIVISIONBLIZZARD_2019_10K");</li>
 * <li>or it abbreviates a name a source writes out ({@link Aliases}: "AMEX", "JnJ");</li>
 * <li>or a document the sources come from is about it: holds it in several of its chunks
 * (the name it goes by, what it defines for itself), looked up in the index.</li>
 * </ol>
 * A name the sources do not speak of is first looked up in the whole knowledge base: the
 * search stage searches the documents about it, and the best chunks join the found set
 * ({@link #expand}, a query expansion); the set is then read for what it says of the
 * question's names ({@link #read}), which the extract's judge decides on. So a question
 * is refused when it names what the knowledge base is not about (another company, another
 * year), and not because the documents write a name differently or search found one of
 * the two things it asks about. The trade: an abbreviation that happens to spell a name
 * the sources write out counts as supported; a concept the question capitalises and the
 * documents never write out ("CAGR") is unsupported, which the {@link NamesRule} weighs.
 */
public final class Grounding {

	private static final Pattern PROPER_NAME = NamesRule.PROPER_NAME;

	/** How many documents about a name the sources may be widened with. */
	static final int NAMED_DOCUMENTS = 3;

	/**
	 * How many names the sources do not speak of are looked up in the knowledge base. A
	 * question naming more of them is refused without a search for each: a question of
	 * hundreds of capitalised words would otherwise cost seconds of index reads
	 * (docs/decisions/0014-names-looked-up.md).
	 */
	static final int LOOKED_UP_NAMES = 3;

	private static final Logger logger = LoggerFactory.getLogger(Grounding.class);

	private final NamedDocuments named;

	private final boolean enabled;

	private final NamesRule names;

	private final int perName;

	/**
	 * @param search looks words up in the sources' documents
	 * @param enabled whether the step checks anything
	 * ({@code ragchat.chat.question-terms})
	 * @param names how many of the question's names must be supported
	 * @param perName how many chunks a name the sources do not speak of adds at most (0:
	 * none is looked up)
	 */
	public Grounding(KnowledgeBaseSearch search, boolean enabled, NamesRule names, int perName) {
		this.named = new NamedDocuments(search);
		this.enabled = enabled;
		this.names = names;
		this.perName = perName;
	}

	/**
	 * @return how many of the question's names must be supported (the judge's rule)
	 */
	public NamesRule names() {
		return this.names;
	}

	/**
	 * @return whether the step checks anything ({@code ragchat.chat.question-terms})
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * @param question the question and its sources
	 * @return whether the sources speak of what the question names, by the names rule
	 */
	public boolean supports(GroundingQuestion question) {
		return !this.enabled || satisfied(question, unsupported(question));
	}

	/**
	 * The query expansion of the search stage, for the extract's judge: each name of the
	 * question the sources do not speak of becomes a search of the documents about it
	 * ({@link #searches}); the search stage runs each through {@code Search} and joins
	 * what it finds into the found set, then {@link #read reads} the set for the judge.
	 * Nothing is looked up when the step is off, with no sources, or with images or audio
	 * (the model reads them with the sources: no name is checked).
	 * @param question the question and the chunks its search found
	 * @param filter the filter the sources passed ({@code null}: none)
	 * @param media whether images or audio came with the question
	 * @return the searches, and what the found chunks do not speak of
	 */
	public Expansion expand(GroundingQuestion question, MetadataFilter filter, boolean media) {
		if (media || !this.enabled || question.sources().isEmpty()) {
			return new Expansion(question, List.of(), List.of(), media);
		}
		List<String> missing = unsupported(question, true);
		return new Expansion(question, missing, searches(question, missing, filter, this.perName), false);
	}

	/**
	 * What the found set says of the question's names, for the extract's judge to decide
	 * on: what it does not speak of (of the names the rule reads), and the sources about
	 * what the question names ({@link #about}). Read once the expansion's searches are
	 * joined: the judge reads the index no more.
	 * @param expansion the expansion of the search
	 * @param found the found set: the search's chunks, then those the expansion joined
	 * @return what the judge reads
	 */
	public Grounds read(Expansion expansion, List<ScoredChunk> found) {
		GroundingQuestion question = expansion.question();
		if (expansion.media()) {
			return new Grounds(question.sources(), List.of(), about(question), false);
		}
		if (!this.enabled || question.sources().isEmpty()) {
			if (logger.isDebugEnabled()) {
				log(question, this.enabled ? List.of() : unsupported(question));
			}
			return new Grounds(question.sources(), List.of(), about(question), this.enabled);
		}
		GroundingQuestion joined = (found.size() == question.sources().size()) ? question
				: new GroundingQuestion(question.knowledgeBase(), question.question(), found, question.message());
		List<String> missing = (joined == question) ? expansion.unsupported() : unsupported(joined, true);
		log(question, missing);
		return new Grounds(joined.sources(), missing, about(joined), true);
	}

	/**
	 * What the step found, logged (with the step off, {@code question-terms: false}, what
	 * it would find) for {@code benchmarks/eval/grounding.py}.
	 */
	private static void log(GroundingQuestion question, List<String> unsupported) {
		if (logger.isDebugEnabled()) {
			logger.debug("Ground step: names {}, periods {}, unsupported {}", question.question().names(),
					question.question().periods(), unsupported);
		}
	}

	private boolean satisfied(GroundingQuestion question, List<String> unsupported) {
		return this.names.satisfied(question.question().names(), unsupported);
	}

	/**
	 * @param question the question and its sources
	 * @return the names and periods the sources do not speak of (empty: all supported)
	 */
	public List<String> unsupported(GroundingQuestion question) {
		return unsupported(question, false);
	}

	/**
	 * @param question the question and its sources
	 * @param judging whether only what decides the step is read: the names the rule asks
	 * for, and, by the rules that ask for every one, none past the first that cannot be
	 * looked up (a question of hundreds of capitalised words or capitals costs no more
	 * than a short one)
	 * @return the names and periods the sources do not speak of
	 */
	private List<String> unsupported(GroundingQuestion question, boolean judging) {
		if (question.sources().isEmpty()) {
			return List.of();
		}
		Evidence evidence = Evidence.of(question.sources());
		List<String> documents = question.sources()
			.stream()
			.map((source) -> source.chunk().documentId())
			.distinct()
			.toList();
		List<String> missing = new ArrayList<>();
		for (String name : question.question().names()) {
			if (judging && !required(name)) {
				continue;
			}
			if (!supported(question, name, evidence, documents)) {
				missing.add(name);
				if (judging && this.names != NamesRule.ANY && missing.size() > LOOKED_UP_NAMES) {
					return missing;
				}
			}
		}
		for (String phrase : phrases(question)) {
			// a name of several words is one thing: "Cloud Shell" is not a cloud and a
			// shell
			if (missing.stream().noneMatch(phrase::contains) && !spoken(question, phrase, evidence, documents)) {
				missing.add(phrase);
			}
		}
		for (String year : question.question().periods()) {
			if (!evidence.writes(Spelling.of(year)) && !this.named.about(question.knowledgeBase(), documents, year)) {
				missing.add(year);
			}
		}
		return missing;
	}

	/**
	 * The sources that speak of every proper name of the question that names documents
	 * (the title or file name of a source holds it: a company, a product, a project)
	 * themselves (their text, title or file name, or an abbreviation of a name they write
	 * out) or come from a document about it, in their order: an answer quotes what is
	 * about what was asked, not a passage of another company's filing that matched the
	 * other words. All sources when the question names no document by a proper name or no
	 * source speaks of every one (the grounding decides then). A name only the text holds
	 * ("Caenorhabditis", which a passage may write "C. elegans") does not narrow the
	 * sources.
	 * @param question the question and its sources
	 * @return the sources about what the question names
	 */
	public List<ScoredChunk> about(GroundingQuestion question) {
		if (!this.enabled || question.sources().size() < 2) {
			return question.sources();
		}
		Evidence all = Evidence.of(question.sources());
		List<String> proper = question.question()
			.names()
			.stream()
			.filter((name) -> PROPER_NAME.matcher(name).matches())
			.filter((name) -> all.titlesHold(words(name)))
			.toList();
		if (proper.isEmpty()) {
			return question.sources();
		}
		Map<String, Boolean> documents = new java.util.HashMap<>();
		List<ScoredChunk> about = new ArrayList<>();
		for (ScoredChunk source : question.sources()) {
			Chunk chunk = source.chunk();
			Evidence own = Evidence.of(List.of(source));
			boolean every = proper.stream()
				.allMatch((name) -> supported(question, name, own, List.of()) || documents.computeIfAbsent(
						chunk.documentId() + "\u0000" + name,
						(key) -> this.named.about(question.knowledgeBase(), List.of(chunk.documentId()), name)));
			if (every) {
				about.add(source);
			}
		}
		return about.isEmpty() ? question.sources() : about;
	}

	/**
	 * The searches that bring more sources: for each name the names rule asks for that
	 * the sources do not speak of, one of the knowledge base's documents about it, for
	 * the whole question (a question about two things, of which retrieval found one). The
	 * documents are found by the name itself in the whole knowledge base, and each is
	 * held to the rule the sources' own documents are ({@link NamedDocuments#about}:
	 * about it, not naming it in passing); the search finds the chunks of them that best
	 * match the whole question. None is looked up when more than {@link #LOOKED_UP_NAMES}
	 * are missing.
	 * @param question the question and its sources
	 * @param unsupported what the sources do not speak of
	 * @param filter the filter the sources passed ({@code null}: none), which the new
	 * ones pass too
	 * @param perName how many chunks a name adds at most
	 * @return a search per name whose documents were found, in the order of the names
	 */
	private List<SearchRequest> searches(GroundingQuestion question, List<String> unsupported, MetadataFilter filter,
			int perName) {
		// the names of what the judging step found missing (its years are no names)
		List<String> phrases = phrases(question);
		List<String> lookedUp = unsupported.stream()
			.filter((name) -> question.question().names().contains(name) || phrases.contains(name))
			.toList();
		if (lookedUp.isEmpty() || lookedUp.size() > LOOKED_UP_NAMES || perName < 1) {
			return List.of();
		}
		List<SearchRequest> searches = new ArrayList<>();
		for (String name : lookedUp) {
			List<String> documents = this.named.naming(question.knowledgeBase(), name)
				.stream()
				.filter((document) -> this.named.about(question.knowledgeBase(), List.of(document), name))
				.limit(NAMED_DOCUMENTS)
				.toList();
			if (!documents.isEmpty()) {
				searches.add(new SearchRequest(question.knowledgeBase(), question.question().text(), perName,
						SearchMode.HYBRID, documents, filter));
			}
		}
		return searches;
	}

	/** Whether the names rule asks for the name. */
	private boolean required(String name) {
		return this.names != NamesRule.PROPER || PROPER_NAME.matcher(name).matches();
	}

	/**
	 * Whether the sources (the evidence) or, when documents are given, one of the
	 * documents speak of the name.
	 */
	private boolean supported(GroundingQuestion question, String name, Evidence evidence, List<String> documents) {
		return evidence.writes(Spelling.of(name)) || evidence.titlesHold(words(name)) || evidence.writesPlural(name)
				|| Aliases.abbreviates(name, evidence.text() + "\n" + evidence.titles())
				|| Aliases.shortened(name, question.question().text(), evidence.text())
				|| (!documents.isEmpty() && this.named.about(question.knowledgeBase(), documents, name));
	}

	/**
	 * The names of several words the message writes: names side by side within a
	 * sentence, one of them a proper name ("Immutable Object Storage", "Cloud Shell",
	 * "Calda A8"), each a name of the question. Codes alone side by side ("H4 G94P") are
	 * not read as one.
	 */
	static List<String> phrases(GroundingQuestion question) {
		Set<String> names = new HashSet<>();
		question.question().names().forEach((name) -> names.add(name.toLowerCase(Locale.ROOT)));
		List<String> phrases = new ArrayList<>();
		List<String> run = new ArrayList<>();
		boolean proper = false;
		for (String token : question.message().strip().split("\\s+")) {
			String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("['’]s$", "");
			boolean name = !word.isEmpty() && names.contains(word.toLowerCase(Locale.ROOT));
			if (name) {
				run.add(word);
				proper |= PROPER_NAME.matcher(word).matches();
			}
			if (!name || !token.endsWith(word)) {
				// a word of no name, or punctuation after it, ends the run
				if (run.size() > 1 && proper) {
					phrases.add(String.join(" ", run));
				}
				run.clear();
				proper = false;
			}
		}
		if (run.size() > 1 && proper) {
			phrases.add(String.join(" ", run));
		}
		return phrases;
	}

	/**
	 * Whether the sources write a name of several words as one, a title holds it, or one
	 * of the documents is about it.
	 */
	private boolean spoken(GroundingQuestion question, String phrase, Evidence evidence, List<String> documents) {
		return evidence.writes(Spelling.of(phrase)) || evidence.titlesHold(words(phrase))
				|| evidence.writes(Spelling.of(phrase.replaceAll("(?<=\\p{L}{3})s$", "")))
				|| (!documents.isEmpty() && this.named.about(question.knowledgeBase(), documents, phrase));
	}

	/**
	 * Lower case, punctuation as spaces (except "&amp;" inside words like "P&amp;G"), no
	 * possessive, one space between words; a year written "FY18" becomes "2018".
	 */
	static String words(String text) {
		return Periods.normalize(text)
			.toLowerCase(Locale.ROOT)
			.replaceAll("['’]s\\b", "")
			.replaceAll("[^\\p{L}\\p{N}&]+", " ")
			.strip();
	}

	/**
	 * The query expansion of a search.
	 *
	 * @param question the question and the chunks its search found
	 * @param unsupported what those chunks do not speak of, of the names the rule reads
	 * @param searches a search of the documents about each name they do not speak of
	 * (none: nothing to join)
	 * @param media whether images or audio came with the question (nothing is checked)
	 */
	public record Expansion(GroundingQuestion question, List<String> unsupported, List<SearchRequest> searches,
			boolean media) {

		public Expansion {
			unsupported = List.copyOf(unsupported);
			searches = List.copyOf(searches);
		}

	}

}
