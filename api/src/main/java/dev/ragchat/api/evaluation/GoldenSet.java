package dev.ragchat.api.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A golden set: JSON lines, one question each (blank lines are skipped), each line a
 * {@link GoldenSetLine}: {@code question}, optional {@code id}, {@code documents} (names
 * of documents that answer it), {@code pages} ({@code [{document, page}]}, pages counted
 * from 1), {@code refuse} ({@code true}: the documents do not answer it), {@code answer}
 * (a reference answer, shown beside the service's) and {@code history} (the conversation
 * before the question, oldest first: {@code [{role: user|assistant, content}]}). A line
 * is checked against the JSON Schema {@code golden-set-line.schema.json} before Jackson
 * reads it, so that a refusal names the line and the field.
 * <p>
 * A question that names no document and no page must be refused. A document is named by
 * its id, its file name, or its file name without the extension ({@code 3M_2018_10K} for
 * {@code 3M_2018_10K.pdf}).
 *
 * @param questions the questions, in the order of the file
 */
public record GoldenSet(List<Question> questions) {

	private static final ObjectMapper json = new ObjectMapper();

	/** The longest reference answer kept. */
	static final int MAX_REFERENCE = 4000;

	/** The most documents a question names, counting the documents of its pages. */
	static final int MAX_GOLD = 100;

	public GoldenSet {
		questions = List.copyOf(questions);
	}

	/**
	 * @param text the golden set, JSON lines
	 * @param maxQuestions the most questions a run takes
	 * @param maxLength the longest question (as for chat)
	 * @return the golden set
	 * @throws GoldenSetException naming the first bad line and its field, or when it
	 * holds no question or more than {@code maxQuestions}
	 */
	public static GoldenSet parse(String text, int maxQuestions, int maxLength) {
		List<Question> questions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		String[] lines = (text != null) ? text.split("\r?\n", -1) : new String[0];
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			if (questions.size() == maxQuestions) {
				throw new GoldenSetException(i + 1, null, "The golden set holds more than " + maxQuestions
						+ " questions, the most a run takes (RAGCHAT_EVALUATION_MAX_QUESTIONS)");
			}
			Question question = question(i + 1, read(i + 1, line), maxLength);
			if (!ids.add(question.id())) {
				throw new GoldenSetException(i + 1, "id",
						"Line " + (i + 1) + ": id '" + question.id() + "' is used twice");
			}
			questions.add(question);
		}
		if (questions.isEmpty()) {
			throw new GoldenSetException(null, null,
					"The golden set holds no question: send JSON lines such as {\"question\": \"...\", \"documents\": [\"...\"]}");
		}
		return new GoldenSet(questions);
	}

	/** A line, once it is a JSON object that its schema finds valid. */
	private static GoldenSetLine read(int number, String line) {
		JsonNode node;
		try {
			node = json.readTree(line);
		}
		catch (JsonProcessingException ex) {
			throw bad(number, null, "not a JSON object (" + ex.getOriginalMessage() + ")");
		}
		if (node == null || !node.isObject()) {
			throw bad(number, null, "not a JSON object");
		}
		GoldenSetSchema.check(node).ifPresent((violation) -> {
			throw bad(number, violation.field(), violation.reason());
		});
		try {
			return json.treeToValue(node, GoldenSetLine.class);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			// the schema let through what the record cannot hold: a gap in the schema
			throw bad(number, null, "not a golden set line (" + ex.getMessage() + ")");
		}
	}

	/** What the schema cannot say: the lengths of the chat, one list over two fields. */
	private static Question question(int number, GoldenSetLine line, int maxLength) {
		String question = line.question().strip();
		if (question.length() > maxLength) {
			throw bad(number, "question", "the question is longer than " + maxLength + " characters");
		}
		Set<String> documents = new LinkedHashSet<>();
		if (line.documents() != null) {
			line.documents().forEach((document) -> documents.add(document.strip()));
		}
		Set<Page> pages = new LinkedHashSet<>();
		if (line.pages() != null) {
			line.pages().forEach((page) -> pages.add(new Page(page.document().strip(), page.page())));
		}
		pages.forEach((page) -> documents.add(page.document()));
		if (line.refuse() && !documents.isEmpty()) {
			throw bad(number, "refuse", "a question to refuse names no document or page");
		}
		if (documents.size() > MAX_GOLD) {
			throw bad(number, "documents",
					"a question names at most " + MAX_GOLD + " documents, counting the documents of its pages");
		}
		String reference = line.answer();
		if (reference != null && reference.length() > MAX_REFERENCE) {
			reference = reference.substring(0, MAX_REFERENCE) + "…";
		}
		List<Turn> history = (line.history() != null)
				? line.history().stream().map((turn) -> new Turn(turn.role(), turn.content().strip())).toList()
				: List.of();
		String id = (line.id() != null) ? line.id() : "line-" + number;
		return new Question(id, question, List.copyOf(documents), List.copyOf(pages), reference, history);
	}

	private static GoldenSetException bad(int number, String field, String reason) {
		return new GoldenSetException(number, field, "Line " + number + " of the golden set: " + reason);
	}

	/**
	 * A question of a golden set.
	 *
	 * @param id its id (the line's {@code id}, else {@code line-<n>})
	 * @param question the question
	 * @param documents the documents that answer it, empty when it must be refused
	 * @param pages the pages that answer it (their documents are among
	 * {@code documents}), empty when it names documents only
	 * @param reference a reference answer, or {@code null}
	 * @param history the conversation before the question, oldest first (empty when it
	 * stands alone)
	 */
	public record Question(String id, String question, List<String> documents, List<Page> pages, String reference,
			List<Turn> history) {

		public Question {
			documents = List.copyOf(documents);
			pages = List.copyOf(pages);
			history = (history != null) ? List.copyOf(history) : List.of();
		}

		/**
		 * A question that stands alone.
		 */
		public Question(String id, String question, List<String> documents, List<Page> pages, String reference) {
			this(id, question, documents, pages, reference, List.of());
		}

		/**
		 * @return whether the documents answer it (otherwise it must be refused)
		 */
		public boolean answerable() {
			return !this.documents.isEmpty();
		}

	}

	/**
	 * A turn of the conversation before a question.
	 *
	 * @param role {@link #USER} or {@link #ASSISTANT}
	 * @param content what was said
	 */
	public record Turn(String role, String content) {

		/** The role of the user's turns. */
		public static final String USER = "user";

		/** The role of the answers. */
		public static final String ASSISTANT = "assistant";

	}

	/**
	 * A page that answers a question.
	 *
	 * @param document the document's name
	 * @param page the page, counted from 1
	 */
	public record Page(String document, int page) {

	}

}
