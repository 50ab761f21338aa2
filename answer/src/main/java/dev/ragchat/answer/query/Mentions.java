package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Pointed;
import dev.ragchat.answer.text.Qualifiers;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * The documents a turn of a conversation names, whoever wrote it: a document is named
 * when the turn writes every word of its title or of a part of its title ("Viral
 * pneumonia", "County of Alameda"), of its file name, or a name its title holds ("AX3000"
 * for "AX3000 Dual-Band Router"). Only words that name count: those that ask, count or
 * point ({@link Asks#own}) never do, so "summarise it" or "compare the two" names
 * nothing. Of two names one of which holds the other's words ("pneumonia", "viral
 * pneumonia"), the longer is meant. The documents are those a keyword search of the turn
 * finds first (a title is indexed with each chunk of its document), so a name costs one
 * look-up.
 */
final class Mentions {

	/** How many chunks of a turn's look-up are read for the documents it names. */
	static final int READ = 16;

	/**
	 * A code: a name with a digit or two capitals together ("AX3000", "B7", "IBM"), not a
	 * word of a title written with its capitals ("Tax-Free").
	 */
	static final Pattern CODE = Pattern.compile("\\p{N}|\\p{Lu}\\p{Lu}");

	/** The words of a sentence an answer may have quoted, found only where it was. */
	private static final int QUOTED_WORDS = 6;

	private final KnowledgeBaseSearch search;

	Mentions(KnowledgeBaseSearch search) {
		this.search = search;
	}

	/**
	 * @param text a turn
	 * @param scope where the conversation searches
	 * @param from who wrote it ({@link Subject#USER}, {@link Subject#ASSISTANT})
	 * @return the subjects it names that have documents, best found first
	 */
	List<Subject> in(String text, SearchRequest scope, String from) {
		Set<String> words = Asks.own(text);
		if (words.isEmpty()) {
			return List.of();
		}
		List<String> names = this.search.shape(text).names();
		List<ScoredChunk> chunks = this.search.search(scope.lookingUp(text, READ)).chunks();
		Titles titles = new Titles(new ArrayList<>(), new ArrayList<>());
		chunks.stream()
			.map(ScoredChunk::chunk)
			.filter((chunk) -> !titles.documentIds().contains(chunk.documentId()))
			.forEach((chunk) -> titles.add(chunk.documentId(), TitleParts.titleWords(chunk, TitleParts.parts(chunk))));
		Map<String, Named> named = new LinkedHashMap<>();
		for (ScoredChunk found : chunks) {
			Named name = named(found.chunk(), words, names, text, from, titles);
			if (name != null) {
				List<String> documents = named.computeIfAbsent(name.label().toLowerCase(Locale.ROOT), (key) -> name)
					.documentIds();
				if (!documents.contains(found.chunk().documentId())) {
					documents.add(found.chunk().documentId());
				}
			}
		}
		// a title part several titles share ("Old Quay" of two routes) names none of
		// them when the turn names one of them by what only its title writes ("route F1
		// from Old Quay"): the others are only its family; a code several share names
		// the thing they are all about ("K3" of a kettle and its release notes)
		named.values()
			.removeIf((name) -> !TitleParts.code(name.label()) && named.values()
				.stream()
				.anyMatch((other) -> other != name && titles.shared(other.words()) < titles.shared(name.words())
						&& other.documentIds().stream().anyMatch((document) -> titles.holds(document, name.words()))));
		// of two names one of which holds the other's words, the longer is meant, and the
		// documents of the shorter come after its own ("viral pneumonia", "pneumonia")
		List<Subject> subjects = new ArrayList<>();
		for (Named name : named.values()) {
			boolean held = named.values()
				.stream()
				.anyMatch((other) -> other != name && other.words().containsAll(name.words())
						&& other.words().size() > name.words().size());
			if (held) {
				continue;
			}
			List<String> documents = new ArrayList<>(name.documentIds());
			named.values()
				.stream()
				.filter((other) -> other != name && name.words().containsAll(other.words()))
				.forEach((other) -> other.documentIds()
					.stream()
					.filter((document) -> !documents.contains(document))
					.forEach(documents::add));
			subjects.add(new Subject(name.label(), documents, from));
		}
		return subjects;
	}

	/**
	 * @param text an answer of a conversation whose citations are not known (a
	 * {@code /v1} history)
	 * @param scope where the conversation searches
	 * @return the documents whose chunks hold one of its sentences as it wrote it: those
	 * it quoted
	 */
	List<String> quoted(String text, SearchRequest scope) {
		List<String> sentences = Sentences.of(text.replace('\n', ' ').replaceAll("\\s*\\[\\d+]", ""))
			.stream()
			.map(TitleParts::plain)
			.filter((sentence) -> sentence.split(" ").length >= QUOTED_WORDS)
			.toList();
		if (sentences.isEmpty()) {
			return List.of();
		}
		Set<String> documents = new LinkedHashSet<>();
		for (ScoredChunk found : this.search.search(scope.lookingUp(text, READ)).chunks()) {
			String chunk = TitleParts.plain(found.chunk().text());
			if (sentences.stream().anyMatch(chunk::contains)) {
				documents.add(found.chunk().documentId());
			}
		}
		return List.copyOf(documents);
	}

	/**
	 * @param text a turn that names no document
	 * @param scope where the conversation searches
	 * @param from who wrote it ({@link Subject#USER}, {@link Subject#ASSISTANT})
	 * @return the documents an answer describes side by side, else the document a keyword
	 * look-up of it finds first (if any), as a subject the turn named when it writes a
	 * name of its title ("that's the Home Starter Account" of "Is the Home Starter
	 * Account worth it?"), else only found
	 */
	List<Subject> found(String text, SearchRequest scope, String from) {
		if (Subject.ASSISTANT.equals(from)) {
			List<Subject> described = SideBySide.described(text, scope, this.search, this::title);
			if (!described.isEmpty()) {
				return described;
			}
		}
		List<ScoredChunk> found = this.search.search(scope.lookingUp(text, 1)).chunks();
		if (found.isEmpty()) {
			return List.of();
		}
		Chunk chunk = found.get(0).chunk();
		String name = nameOf(text, chunk);
		if (name != null) {
			return List.of(new Subject(name, List.of(chunk.documentId()), from));
		}
		return List.of(new Subject(chunk.title().isBlank() ? chunk.filename() : chunk.title(),
				List.of(chunk.documentId()), Subject.FOUND));
	}

	/**
	 * The longest run of names a text writes ("Home Starter Account", "Plan 1": proper
	 * names or codes, a number after one) whose words a title holds; {@code null} when it
	 * writes none. An answer's capitalised words are many, but one the document it reads
	 * most like is titled by is what it speaks of.
	 */
	private String nameOf(String text, Chunk chunk) {
		Set<String> title = new HashSet<>(
				Arrays.asList(TitleParts.plain(chunk.title() + " " + chunk.filename()).split(" ")));
		Set<String> names = new HashSet<>();
		this.search.shape(text).names().forEach((name) -> names.add(name.toLowerCase(Locale.ROOT)));
		String best = null;
		List<String> run = new ArrayList<>();
		for (String token : (text + " .").split("\\s+")) {
			String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("['’]s$", "");
			String lower = word.toLowerCase(Locale.ROOT);
			boolean name = !word.isEmpty() && title.contains(lower)
					&& (names.contains(lower) || (!run.isEmpty() && lower.chars().allMatch(Character::isDigit)));
			if (name) {
				run.add(word);
			}
			if (!name || !token.endsWith(word)) {
				String written = String.join(" ", run);
				// a run a capitalised word goes on from is part of a longer name
				// ("Harl" of "the Harl Dockers' Union"), which is what the text speaks of
				boolean longer = !name && !word.isEmpty() && Character.isUpperCase(word.charAt(0));
				if (!run.isEmpty() && !longer && (best == null || written.length() > best.length())) {
					best = written;
				}
				run.clear();
			}
		}
		return best;
	}

	/**
	 * @param text a turn
	 * @return the proper names it writes ("Kestrel Point"), as the query shaper reads
	 * them
	 */
	List<String> properNames(String text) {
		return properNames(this.search.shape(text).names());
	}

	static List<String> properNames(List<String> names) {
		return names.stream().filter(NamesRule::isProperName).toList();
	}

	/**
	 * @param within where to look
	 * @param name a name
	 * @return whether a chunk the search finds for the name writes it (a plural as one)
	 */
	boolean writes(SearchRequest within, String name) {
		Set<String> words = Overlap.words(name);
		for (ScoredChunk found : this.search.search(within.lookingUp(name, 3)).chunks()) {
			if (Overlap.words(found.chunk().title() + "\n" + found.chunk().text()).containsAll(words)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param within where to look
	 * @param kind a kind of thing ("library")
	 * @return whether a document there is titled as one (things of the kind are subjects
	 * of documents: "Elm Street Library")
	 */
	boolean titles(SearchRequest within, String kind) {
		Set<String> words = Overlap.words(kind);
		for (ScoredChunk found : this.search.search(within.lookingUp(kind, 3)).chunks()) {
			if (Overlap.words(found.chunk().title()).containsAll(words)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The kind of thing a message points at with "this" or "that" ("this library") when
	 * the documents in focus do not speak of one and other documents are titled as one:
	 * the subject in focus is no such thing ("this huge amount" titles nothing).
	 * @param question the message
	 * @param documents the documents in focus
	 * @param scope where the conversation searches
	 * @return the kind, or {@code null}
	 */
	String elsewhere(String question, List<String> documents, SearchRequest scope) {
		List<String> kinds = Pointed.kinds(question)
			.stream()
			.filter(Pointed.Kind::demonstrative)
			.map(Pointed.Kind::words)
			.toList();
		if (documents.isEmpty() || kinds.isEmpty()
				|| kinds.stream().anyMatch((kind) -> writes(scope.in(documents), kind))) {
			return null;
		}
		String kind = kinds.get(kinds.size() - 1);
		return titles(scope, kind) ? kind : null;
	}

	/**
	 * @param subjects the subjects a turn named
	 * @return their documents whose title (or a part of it) is what the turn wrote: those
	 * each is the subject of, not those whose title only holds the name ("Letitia" of a
	 * press release); all of them for a model, which names the thing ("B7" of "Vortan B7
	 * Blender")
	 */
	List<String> titled(List<Subject> subjects) {
		return subjects.stream()
			.flatMap((subject) -> subject.documentIds()
				.stream()
				.filter((documentId) -> TitleParts.model(subject.label()) || titledBy(documentId, subject.label())))
			.distinct()
			.toList();
	}

	private boolean titledBy(String documentId, String label) {
		List<Chunk> first = this.search.chunks(documentId, 1, 1);
		return !first.isEmpty() && TitleParts.parts(first.get(0)).stream().anyMatch(label.strip()::equalsIgnoreCase);
	}

	/**
	 * @param documentId a document
	 * @return its title, or its file name when it has none
	 */
	String title(String documentId) {
		List<Chunk> first = this.search.chunks(documentId, 1, 1);
		if (first.isEmpty()) {
			return documentId;
		}
		Chunk chunk = first.get(0);
		return chunk.title().isBlank() ? chunk.filename() : chunk.title();
	}

	/**
	 * What of the chunk's document the turn names: of the parts of its title or its file
	 * name whose words it writes, and the names it writes that the title holds, one that
	 * the fewest titles found share (a part several share, "Old Quay" of two routes,
	 * names a family more than the document); of those the longest part, else a name at
	 * least as long.
	 */
	private static Named named(Chunk chunk, Set<String> words, List<String> names, String text, String from,
			Titles titles) {
		List<String> parts = TitleParts.parts(chunk);
		List<Named> written = new ArrayList<>();
		for (String part : parts) {
			Set<String> partWords = Overlap.words(part);
			if (!partWords.isEmpty() && words.containsAll(partWords) && TitleParts.writes(text, part)
					&& !TitleParts.modifies(text, part)) {
				written.add(new Named(part.strip(), partWords, new ArrayList<>()));
			}
			else if (Subject.ASSISTANT.equals(from) && TitleParts.callsByName(text, part)) {
				// an answer calls a thing by its name alone ("Greyhollow Pippin is
				// self-fertile" of "Greyhollow Pippin apple tree")
				written.add(new Named(part.strip(), Overlap.words(Qualifiers.nameBeforeKind(part)), new ArrayList<>()));
			}
		}
		int ofTitle = written.size();
		Set<String> titleWords = titles.of(chunk.documentId());
		for (String name : names) {
			if (Subject.ASSISTANT.equals(from) && !CODE.matcher(name).find()) {
				// an answer's capitalised words are many ("Park", "County"): only its
				// codes ("AX3000", "B7") name a document; its titles do the rest
				continue;
			}
			Set<String> nameWords = Overlap.words(name);
			if (!nameWords.isEmpty() && titleWords.containsAll(nameWords)) {
				// a name as the turn writes it, rather than a file name of the same words
				java.util.regex.Matcher writing = Pattern
					.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
							Pattern.CASE_INSENSITIVE)
					.matcher(text);
				written.add(new Named(writing.find() ? writing.group() : name, nameWords, new ArrayList<>()));
			}
		}
		int fewest = written.stream().mapToInt((name) -> titles.shared(name.words())).min().orElse(0);
		Named best = null;
		for (int i = 0; i < written.size(); i++) {
			Named name = written.get(i);
			if (titles.shared(name.words()) == fewest && (best == null || name.words().size() > best.words().size()
					|| (i >= ofTitle && name.words().size() == best.words().size()))) {
				best = name;
			}
		}
		return best;
	}

	/**
	 * A name a turn writes.
	 *
	 * @param label as the title (or the turn) writes it
	 * @param words its words
	 * @param documentIds the documents it names
	 */
	private record Named(String label, Set<String> words, List<String> documentIds) {

	}

}
