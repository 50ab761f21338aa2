package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * Asks back when a question asks about a document without saying which: no subject is
 * named in it or its conversation ({@link Judged#open()}), and either what it asks is a
 * heading several documents share ("What are the symptoms?" over pages on diabetes,
 * pneumonia and leukaemia, each with its "Symptoms") that no document's title holds, or
 * the conversation's first message points back ("Did it receive any updates?") at nothing
 * it said. Each document found fits equally and nothing tells them apart: the question
 * offers their titles, each cited, instead of stitching them into one answer. The
 * extract's judge (a language model may ask back itself).
 */
public final class SharedSection implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "shared-section";

	/** A question that asks which of several things. */
	private static final Pattern WHICH = Pattern.compile("(?i)\\bwhich\\b");

	/** The most words of its own a question that asks for a section has. */
	static final int SECTION_WORDS = 2;

	@Override
	public Verdict judge(Judged judged) {
		if (judged.media()) {
			return Verdict.answerable(judged.sources());
		}
		Verdict row = sharedRow(judged);
		if (row != null) {
			return row;
		}
		if (!judged.open()) {
			return Verdict.answerable(judged.sources());
		}
		if (!judged.query().names().isEmpty()) {
			return Verdict.answerable(judged.sources());
		}
		if (judged.first() && Pointing.atNothing(judged.query().text())) {
			Map<String, Integer> documents = new LinkedHashMap<>();
			for (int i = 0; i < judged.sources().size(); i++) {
				documents.putIfAbsent(judged.sources().get(i).chunk().documentId(), i);
			}
			return (documents.size() < 2) ? Verdict.answerable(judged.sources())
					: askedBack(judged, documents, "the first message points back at nothing it said");
		}
		Set<String> asked = Asks.own(judged.query().text());
		if (asked.isEmpty() || asked.size() > SECTION_WORDS) {
			return Verdict.answerable(judged.sources());
		}
		Map<String, Integer> documents = new LinkedHashMap<>();
		for (int i = 0; i < judged.sources().size(); i++) {
			Chunk chunk = judged.sources().get(i).chunk();
			Set<String> title = Overlap.words(chunk.title() + " " + chunk.filename());
			if (title.containsAll(asked)) {
				// a document about what is asked answers it
				return Verdict.answerable(judged.sources());
			}
			// a section of what is asked, or of a part of it, the title says the rest
			// of ("Opening hours" of "UK support team", for "your support hours")
			Set<String> heading = Overlap.words(heading(chunk));
			boolean ofIt = heading.stream().anyMatch(asked::contains);
			heading.addAll(title);
			if (ofIt && heading.containsAll(asked)) {
				documents.putIfAbsent(chunk.documentId(), i);
			}
		}
		if (documents.size() < 2) {
			return Verdict.answerable(judged.sources());
		}
		return askedBack(judged, documents,
				"the question asks for a section that " + documents.size() + " documents have");
	}

	/**
	 * Asks back when what the question asks is a row of a table that several documents
	 * give ("Ticket office | …" of two terminals, "Adult single | …" of two routes from
	 * one pier), each its own value, and no word of the question is of one of those
	 * documents' titles and not the others', nor does the conversation's focus hold some
	 * of them and not all: they fit equally, and quoting both would stitch two subjects
	 * into one answer. A question that asks which, or compares, or lists, wants them all.
	 * @return the verdict, or {@code null} when no row is shared so
	 */
	private static Verdict sharedRow(Judged judged) {
		String question = judged.message();
		Asks operator = Asks.of(question);
		if (operator != Asks.ANSWER && operator != Asks.QUANTITY && operator != Asks.YES_NO
				|| WHICH.matcher(question).find()) {
			return null;
		}
		Set<String> asked = Overlap.words(question);
		Set<String> own = Asks.own(question);
		Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
		for (int i = 0; i < judged.sources().size(); i++) {
			Chunk chunk = judged.sources().get(i).chunk();
			for (String line : chunk.text().split("\n")) {
				String[] cells = line.strip().replaceFirst("^\\|", "").split("\\|");
				Set<String> label = (cells.length > 1) ? Overlap.words(cells[0]) : Set.of();
				if (!label.isEmpty() && asked.containsAll(label) && besides(own, label) <= SECTION_WORDS) {
					rows.computeIfAbsent(cells[0].strip(), (key) -> new LinkedHashMap<>())
						.putIfAbsent(chunk.documentId(), i);
				}
			}
		}
		for (Map.Entry<String, Map<String, Integer>> row : rows.entrySet()) {
			Map<String, Integer> documents = row.getValue();
			// the conversation tells them apart when its focus holds some of them, not
			// all
			boolean focused = documents.keySet().stream().anyMatch(judged.focus()::contains)
					&& !judged.focus().containsAll(documents.keySet());
			if (documents.size() > 1 && !focused && !tellsApart(asked, judged, documents)) {
				return askedBack(judged, documents, "the question asks for a row (\"" + row.getKey() + "\") that "
						+ documents.size() + " documents give");
			}
		}
		return null;
	}

	/**
	 * How many words of its own the question has besides a row's label: it asks for the
	 * row when it has as few as a question that asks for a section ("the ticket office"
	 * open "on a Sunday"), not when the label's words are a few of a long question's.
	 */
	private static int besides(Set<String> own, Set<String> label) {
		return (int) own.stream().filter((word) -> !label.contains(word)).count();
	}

	/**
	 * Whether a word of the question is of one document's title (or file name) and not of
	 * the others'.
	 */
	private static boolean tellsApart(Set<String> asked, Judged judged, Map<String, Integer> documents) {
		List<Set<String>> titles = documents.values().stream().map((source) -> {
			Chunk chunk = judged.sources().get(source).chunk();
			return Overlap.words(chunk.title() + " " + chunk.filename().replaceAll("[_.-]+", " "));
		}).toList();
		for (Set<String> title : titles) {
			if (title.stream()
				.anyMatch((word) -> asked.contains(word) && titles.stream()
					.filter((other) -> other != title)
					.noneMatch((other) -> other.contains(word)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param documents the documents it may mean, each with its first source
	 * @param why why it is asked back
	 */
	private static Verdict askedBack(Judged judged, Map<String, Integer> documents, String why) {
		List<Clarification.Reading> offered = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int source : documents.values()) {
			if (offered.size() >= Readings.MAX_READINGS) {
				break;
			}
			ScoredChunk found = judged.sources().get(source);
			String label = found.chunk().title().isBlank() ? found.chunk().filename() : found.chunk().title();
			labels.add(label);
			offered.add(new Clarification.Reading(label, source + 1));
		}
		Verdict verdict = Verdict.clarify(judged.sources(), new Clarification("document", offered));
		if (judged.decisions().on()) {
			judged.decisions()
				.decided(NAME, verdict, why + " (" + String.join("; ", labels) + ") and names none of them");
		}
		return verdict;
	}

	/** The last heading above a chunk, where its section is named. */
	private static String heading(Chunk chunk) {
		String path = chunk.headingPath();
		int last = path.lastIndexOf(" > ");
		return (last >= 0) ? path.substring(last + 3) : path;
	}

}
