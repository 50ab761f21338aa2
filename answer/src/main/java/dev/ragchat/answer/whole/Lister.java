package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.CitationMarkers;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Answers a question about the whole scope ({@link WholeQuestion}) from every document of
 * it that says what is asked, not from the best few passages:
 * <ol>
 * <li>scope: the conversation's, or what the answer before listed ("of them");</li>
 * <li>scan: every passage that writes a word of what is asked, by keyword, as deep as
 * {@value Listing#SCAN_PER_DOCUMENT} passages of each document of the scope (at least
 * {@value Listing#SCAN_DEPTH}, at most {@value Listing#SCAN_DEPTH_MOST})
 * ({@link KnowledgeBaseSearch#scan});</li>
 * <li>judge: each passage's sentences, in rank order, until one says it ({@link Says}:
 * the words asked, none under a negation, a figure when one is asked of each document; a
 * figure the others give may stand for a word, {@link StandIn}); a document is an item
 * with its first such sentence;</li>
 * <li>count and cite: counted and cited, {@value Listing#SHOWN} in the text.</li>
 * </ol>
 * The count and the items are the engine's: a language model may only write above them.
 */
public final class Lister {

	/** A number a model may write about the items ("one" is more often a pronoun). */
	private static final Pattern NUMBER = Pattern.compile("\\p{N}|\\b(?:two|three|four|five|six|seven|eight|nine"
			+ "|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\\b", Pattern.CASE_INSENSITIVE);

	private final KnowledgeBaseSearch search;

	private final Citations citations;

	/**
	 * @param search the one search
	 * @param citations cites the listed quotes
	 */
	public Lister(KnowledgeBaseSearch search, Citations citations) {
		this.search = search;
		this.citations = citations;
	}

	/**
	 * @param question the question about the whole scope
	 * @param scope the conversation's scope
	 * @param history the turns before it
	 * @return the answer, or {@code null} when the question asks nothing a sentence can
	 * say (it is answered as any other)
	 */
	public Listed list(WholeQuestion question, SearchRequest scope, List<Turn> history) {
		boolean each = Listing.EACH.equals(question.kind());
		Says says = new Says(question.predicate(), each && !question.names());
		if (says.asked().isEmpty()) {
			return null;
		}
		// 1. scope, of the things asked about when the question names no documents
		SearchRequest scanned = question.earlier() ? scope.in(listedBefore(history)) : scope;
		Things.Kind things = (question.things() != null) ? Things.of(this.search, scanned, question) : null;
		if (question.things() != null && things == null) {
			return null;
		}
		scanned = (things != null) ? things.scope() : scanned;
		int documents = this.search.documents(scanned);
		int depth = Listing.scanDepth(documents);
		// 2. scan
		KnowledgeBaseSearch.Scan scan = scan(scanned, question.predicate(), says, depth);
		// 3. judge, a document at a time: one of its sentences says what is asked, and
		// every condition on the documents is said somewhere in it
		Set<String> met = null;
		boolean truncated = scan.truncated();
		for (String condition : question.conditions()) {
			Says said = new Says(condition, false);
			KnowledgeBaseSearch.Scan conditioned = scan(scanned, condition, said, depth);
			Set<String> saying = saying(said, conditioned);
			KnowledgeBaseSearch.Scan rest = rest(scanned, condition, said, conditioned, saying);
			if (rest != null) {
				saying.addAll(saying(said, rest));
				truncated |= rest.truncated();
			}
			met = (met != null) ? met.stream().filter(saying::contains).collect(Collectors.toSet()) : saying;
			truncated |= conditioned.truncated();
		}
		Map<String, Found> items = judged(question, says, scan, met, null);
		KnowledgeBaseSearch.Scan rest = rest(scanned, question.predicate(), says, scan, items.keySet());
		if (rest != null) {
			judged(question, says, rest, met, null).forEach(items::putIfAbsent);
			truncated |= rest.truncated();
		}
		if (each && !question.names()) {
			// the kind of figure the documents writing every asked word give ("30 days")
			// may stand for a word the others leave out ("120 days' notice")
			String kind = Figures.commonKind(items.values().stream().map(Found::value).toList());
			if (kind != null) {
				for (KnowledgeBaseSearch.Scan read : (rest != null) ? List.of(scan, rest) : List.of(scan)) {
					judged(question, says, read, met, kind).forEach(items::putIfAbsent);
				}
			}
		}
		else if (!question.names() && !says.bounded()) { // a figure asked stands as it is
			standIn(question, says, scanned, (rest != null) ? List.of(scan, rest) : List.of(scan), met, items);
		}
		if (question.names()) {
			definedOnFirstPage(items, question, says);
		}
		if (things != null) {
			items.values().removeIf((item) -> things.ofAnother(item.chunk().chunk().documentId(), item.sentence()));
			if (items.isEmpty()) {
				// none says it in the words asked: said otherwise ("Rose of the Year")
				return null;
			}
		}
		// 4. count and cite
		return listed(question, new ArrayList<>(items.values()), documents, truncated);
	}

	/**
	 * A figure the documents that say it all give ("a termination fee of EUR 12,500")
	 * stands for one asked word in the others ("a break fee of SEK 22,000"): read again
	 * in the passages scanned of the documents not yet listed, and in the best passage of
	 * each that writes the modifiers of the question's terms ("an Early Termination
	 * Payment of DKK 7,500"), at most {@value Listing#SCAN_DEPTH}.
	 */
	private void standIn(WholeQuestion question, Says says, SearchRequest scope, List<KnowledgeBaseSearch.Scan> reads,
			Set<String> met, Map<String, Found> items) {
		String kind = StandIn.kind(items.values().stream().map((item) -> item.sentence()).toList(),
				items.values().stream().map((item) -> item.chunk().chunk().headingPath()).toList());
		if (kind == null) {
			return;
		}
		List<String> modifiers = terms(question.predicate()).stream()
			.filter((term) -> says.modifiers().contains(Stems.stem(term)))
			.toList();
		List<KnowledgeBaseSearch.Scan> all = new ArrayList<>(reads);
		if (!modifiers.isEmpty()) {
			all.add(this.search.scan(scope, question.predicate(), modifiers, modifiers.size(), 1, Listing.SCAN_DEPTH));
		}
		for (KnowledgeBaseSearch.Scan read : all) {
			List<ScoredChunk> unlisted = read.chunks()
				.stream()
				.filter((chunk) -> !items.containsKey(chunk.chunk().documentId()))
				.toList();
			judged(question, says, new KnowledgeBaseSearch.Scan(unlisted, false), met, kind)
				.forEach(items::putIfAbsent);
		}
	}

	/** The best passages of each document that write the words the judge requires. */
	private KnowledgeBaseSearch.Scan scan(SearchRequest scope, String words, Says says, int depth) {
		return this.search.scan(scope, words, terms(words), says.required(), Listing.SCAN_PER_DOCUMENT, depth);
	}

	/**
	 * The other passages of each document of which the scan read its most and none said
	 * it, up to {@value Listing#SCAN_DEPTH_MOST}, or {@code null} when there is none.
	 */
	private KnowledgeBaseSearch.Scan rest(SearchRequest scope, String words, Says says, KnowledgeBaseSearch.Scan scan,
			Set<String> said) {
		List<String> unread = scan.chunks()
			.stream()
			.collect(Collectors.groupingBy((chunk) -> chunk.chunk().documentId(), Collectors.counting()))
			.entrySet()
			.stream()
			.filter((read) -> read.getValue() >= Listing.SCAN_PER_DOCUMENT && !said.contains(read.getKey()))
			.map(Map.Entry::getKey)
			.toList();
		return unread.isEmpty() ? null
				: this.search.scan(scope.in(unread), words, terms(words), says.required(), 0, Listing.SCAN_DEPTH_MOST);
	}

	/**
	 * Each document's item: of the passages the scan found, the first with a sentence
	 * that says what is asked (a document meeting every condition), its sentence that
	 * writes most of it; a name is read where the document defines what is asked as a
	 * term (its supplier where it says who "the Supplier" is), else where it first says
	 * it.
	 */
	private static Map<String, Found> judged(WholeQuestion question, Says says, KnowledgeBaseSearch.Scan scan,
			Set<String> met, String kind) {
		Map<String, Found> items = new LinkedHashMap<>();
		for (ScoredChunk candidate : scan.chunks()) {
			Chunk chunk = candidate.chunk();
			Found before = items.get(chunk.documentId());
			if ((before != null && (!question.names() || before.defining()))
					|| (met != null && !met.contains(chunk.documentId()))) {
				continue;
			}
			// of a passage's sentences that say it, the one that writes most of it itself
			// (a heading says it of every sentence below; a name is given by a sentence
			// that writes what it is the name of, not by any under the heading)
			Heading heading = Heading.of(chunk.title() + "\n" + chunk.headingPath());
			String best = null;
			int most = question.names() ? 0 : -1;
			for (String sentence : Sentences.of(chunk.text())) {
				int written = says.written(sentence, heading, kind);
				if (written >= 0 && question.names() && says.defines(sentence)) {
					best = sentence;
					break;
				}
				if (written > most) {
					best = sentence;
					most = written;
				}
				if (!question.names() && most == says.asked().size()) {
					// no later sentence writes more of it
					break;
				}
			}
			if (best != null && kind != null && !Listing.EACH.equals(question.kind())
					&& !StandIn.passageWrites(says, chunk) && !says.headsLeftOut(best, heading)) {
				// a figure stands for a word the passage writes elsewhere, or for the
				// head
				// of a term whose modifier the sentence writes; not for any
				continue;
			}
			boolean defining = best != null && question.names() && says.defines(best);
			if (best != null && (before == null || defining)) {
				items.put(chunk.documentId(), new Found(candidate, best, value(question, says, best, chunk), defining));
			}
		}
		return items;
	}

	/**
	 * A name not yet read where its document defines it is looked for on the document's
	 * first page, where a contract names its parties: the scan ranks the passages that
	 * write the word asked most ("the Supplier shall …"), seldom the one that says who it
	 * is.
	 */
	private void definedOnFirstPage(Map<String, Found> items, WholeQuestion question, Says says) {
		for (Map.Entry<String, Found> item : items.entrySet()) {
			if (item.getValue().defining()) {
				continue;
			}
			for (Chunk chunk : this.search.chunks(item.getKey(), 1, 1)) {
				String defining = Sentences.of(chunk.text())
					.stream()
					.filter((sentence) -> says.defines(sentence)
							&& says.says(sentence, chunk.title() + "\n" + chunk.headingPath()))
					.findFirst()
					.orElse(null);
				if (defining != null) {
					item.setValue(new Found(new ScoredChunk(chunk, item.getValue().chunk().score()), defining,
							value(question, says, defining, chunk), true));
					break;
				}
			}
		}
	}

	/** What an item gives: a name or a figure when one is asked, else nothing. */
	private static Listing.Value value(WholeQuestion question, Says says, String sentence, Chunk chunk) {
		if (question.names()) {
			String name = says.name(sentence);
			return (name != null) ? new Listing.Value(name, null, null, null) : null;
		}
		return Listing.EACH.equals(question.kind()) ? Figures.value(sentence, chunk.headingPath()) : null;
	}

	/** The documents of which a passage the scan found has a sentence that says it. */
	private static Set<String> saying(Says says, KnowledgeBaseSearch.Scan scan) {
		Set<String> documents = new HashSet<>();
		for (ScoredChunk candidate : scan.chunks()) {
			Chunk chunk = candidate.chunk();
			if (!documents.contains(chunk.documentId()) && Sentences.of(chunk.text())
				.stream()
				.anyMatch((sentence) -> says.says(sentence, chunk.title() + "\n" + chunk.headingPath()))) {
				documents.add(chunk.documentId());
			}
		}
		return documents;
	}

	private Listed listed(WholeQuestion question, List<Found> found, int scanned, boolean truncated) {
		List<ScoredChunk> sources = found.stream().limit(Listing.SHOWN).map(Found::chunk).toList();
		String text = ListedText.of(question, found, scanned, truncated);
		List<Citation> cited = found.isEmpty() ? List.of() : this.citations
			.of(new Citations.Cited(text, sources, IntStream.rangeClosed(1, sources.size()).boxed().toList()));
		List<Listing.Item> items = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			Listing.Item item = found.get(i).item();
			Citation citation = (i < cited.size()) ? cited.get(i) : null;
			items.add((citation != null) ? item.cited(citation.index(), citation.page(), citation.quote()) : item);
		}
		Listing listing = new Listing(question.kind(), String.join(" and ", question.says()), items.size(), scanned,
				truncated, items);
		return new Listed(listing, text, cited, sources);
	}

	static String title(Chunk chunk) {
		return (chunk.title() != null && !chunk.title().isBlank()) ? chunk.title().strip() : chunk.filename();
	}

	/**
	 * A language model's paragraph above a list: it reads the listed passages and is told
	 * the count, so that it writes about what they say, not how many there are; its
	 * markers are dropped (the list cites), and a model that finds nothing to say adds
	 * nothing.
	 * @param generator the question's model
	 * @param request the question and its settings
	 * @param listed the engine's list
	 * @param tokens told the paragraph as it is written
	 * @return the paragraph, or {@code null}
	 */
	public static AnswerGenerator.Generated introduced(AnswerGenerator generator, AnswerRequest request, Listed listed,
			Consumer<String> tokens) {
		Listing listing = listed.listing();
		String task = request.question() + "\n\n(" + listing.count() + " of the " + listing.scanned()
				+ " documents in scope say \"" + listing.says() + "\": the engine counted them and lists them after"
				+ " your text; the sources are the first " + listed.sources().size() + ". In two sentences at most,"
				+ " say what they have in common. Do not count them and do not list them.)";
		AnswerGenerator.Generated written = generator
			.generate(new Question(task, listing.says(), List.of(), listed.sources(), request.settings().systemPrompt(),
					request.settings().model(), request.settings().temperature()), (token) -> {
					});
		// the count is the engine's: a sentence of the model's that writes a number goes
		String paragraph = Sentences.of(CitationMarkers.keepValid(written.text(), 0))
			.stream()
			.filter((sentence) -> !NUMBER.matcher(sentence).find())
			.map(String::strip)
			.collect(Collectors.joining(" "));
		if (!written.grounded() || paragraph.isEmpty()) {
			return null;
		}
		tokens.accept(paragraph);
		return new AnswerGenerator.Generated(paragraph, true, written.tokens());
	}

	/** The words of what is asked that the scan looks for. */
	private static List<String> terms(String predicate) {
		List<String> terms = new ArrayList<>();
		for (String word : predicate.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !StopWords.contains(word) && !terms.contains(word)) {
				terms.add(word);
			}
		}
		return terms;
	}

	/** The documents the last answer that listed (cited) any listed. */
	private static List<String> listedBefore(List<Turn> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			Turn turn = history.get(i);
			if (!turn.byUser() && !turn.cited().isEmpty()) {
				return turn.cited();
			}
		}
		return List.of();
	}

	/**
	 * A document that says it, with the passage and sentence that do, the figure or name
	 * the sentence gives when each document's is asked ({@code null} otherwise), and
	 * whether the sentence defines what is asked as a term.
	 */
	record Found(ScoredChunk chunk, String sentence, Listing.Value value, boolean defining) {

		Listing.Item item() {
			Chunk found = this.chunk.chunk();
			return new Listing.Item(found.documentId(), title(found), found.filename(), found.page(),
					this.sentence.strip(), null, this.value, found.id(), found.knowledgeBase());
		}

	}

	/**
	 * The answer to a question about the whole scope.
	 *
	 * @param listing the items, count and what was scanned
	 * @param text the answer's text, the first items cited
	 * @param citations the citations of the text's markers
	 * @param sources the passages the text cites
	 */
	public record Listed(Listing listing, String text, List<Citation> citations, List<ScoredChunk> sources) {

	}

}
