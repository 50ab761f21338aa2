package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** The most words of its own a question that asks for a section has. */
	static final int SECTION_WORDS = 2;

	@Override
	public Verdict judge(Judged judged) {
		if (!judged.open() || judged.media()) {
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
			if (Overlap.words(chunk.title() + " " + chunk.filename()).stream().anyMatch(asked::contains)) {
				// a document about what is asked answers it
				return Verdict.answerable(judged.sources());
			}
			if (Overlap.words(heading(chunk)).containsAll(asked)) {
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
