package dev.ragchat.api.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.RejectedInputException;

/**
 * A golden set: JSON lines, one question each (blank lines are skipped). A line is read
 * in the first layout it matches:
 * <ul>
 * <li>this API's: {@code question}, optional {@code id}, {@code documents} (names of
 * documents that answer it), {@code pages} ({@code [{document, page}]}, pages counted
 * from 1), {@code refuse} ({@code true}: the documents do not answer it), optional
 * {@code answer} (a reference answer, shown beside the service's), optional
 * {@code history} (the conversation before the question, oldest first: a list of
 * {@code {role: user|assistant, content}} or, as MTRAG writes it, {@code {speaker:
 * user|agent, text}});</li>
 * <li>the held-out corpora's: {@code id}, {@code question}, {@code gold_doc_ids},
 * {@code answer};</li>
 * <li>FinanceBench's: {@code financebench_id}, {@code question}, {@code doc_name},
 * {@code evidence: [{doc_name, evidence_page_num}]} (pages counted from 0 there, so page
 * {@code evidence_page_num + 1} here), {@code answer};</li>
 * <li>MTRAG's {@code tasks.jsonl}: {@code task_id}, {@code input} (the conversation, its
 * last turn the user's question, the earlier ones its history), {@code gold_files},
 * {@code target} (the reference answer).</li>
 * </ul>
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

	/** The longest id or document name. */
	static final int MAX_NAME = 500;

	/** The most documents or pages a question names. */
	static final int MAX_GOLD = 100;

	/** The most turns of a question's history. */
	static final int MAX_HISTORY = 50;

	/** The longest turn of a history. */
	static final int MAX_TURN = 20_000;

	public GoldenSet {
		questions = List.copyOf(questions);
	}

	/**
	 * @param text the golden set, JSON lines
	 * @param maxQuestions the most questions a run takes
	 * @param maxLength the longest question (as for chat)
	 * @return the golden set
	 * @throws RejectedInputException naming the first bad line, or when it holds no
	 * question or more than {@code maxQuestions}
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
				throw new RejectedInputException("The golden set holds more than " + maxQuestions
						+ " questions, the most a run takes (RAGCHAT_EVALUATION_MAX_QUESTIONS)");
			}
			Question question = line(i + 1, line, maxLength);
			if (!ids.add(question.id())) {
				throw new RejectedInputException("Line " + (i + 1) + ": id '" + question.id() + "' is used twice");
			}
			questions.add(question);
		}
		if (questions.isEmpty()) {
			throw new RejectedInputException(
					"The golden set holds no question: send JSON lines such as {\"question\": \"...\", \"documents\": [\"...\"]}");
		}
		return new GoldenSet(questions);
	}

	private static Question line(int number, String line, int maxLength) {
		JsonNode node;
		try {
			node = json.readTree(line);
		}
		catch (JsonProcessingException ex) {
			throw bad(number, "not a JSON object (" + ex.getOriginalMessage() + ")");
		}
		if (node == null || !node.isObject()) {
			throw bad(number, "not a JSON object");
		}
		List<Turn> history = new ArrayList<>(history(node, node.has("question") ? "history" : "input", number));
		String question = text(node, "question", number);
		if (question == null && !node.has("question") && !history.isEmpty()) {
			// MTRAG's layout: the question is the conversation's last turn, the user's
			Turn last = history.remove(history.size() - 1);
			if (!last.role().equals(Turn.USER)) {
				throw bad(number, "the last turn of \"input\" is the user's question");
			}
			question = last.content();
		}
		if (question == null || question.isBlank()) {
			throw bad(number, "\"question\" is missing");
		}
		question = question.strip();
		if (question.length() > maxLength) {
			throw bad(number, "the question is longer than " + maxLength + " characters");
		}
		String id = first(text(node, "id", number), text(node, "financebench_id", number), text(node, "_id", number),
				text(node, "task_id", number));
		id = (id != null) ? id : "line-" + number;
		Set<String> documents = new LinkedHashSet<>();
		documents.addAll(names(node, "documents", number));
		documents.addAll(names(node, "gold_doc_ids", number));
		documents.addAll(names(node, "gold_files", number));
		String docName = text(node, "doc_name", number);
		if (docName != null && !docName.isBlank()) {
			documents.add(docName.strip());
		}
		Set<Page> pages = new LinkedHashSet<>();
		pages.addAll(pages(node, number));
		pages.addAll(evidence(node, number));
		pages.forEach((page) -> documents.add(page.document()));
		boolean refuse = node.path("refuse").asBoolean(false);
		if (node.has("refuse") && !node.get("refuse").isBoolean()) {
			throw bad(number, "\"refuse\" is true or false");
		}
		if (refuse && !documents.isEmpty()) {
			throw bad(number, "a question to refuse names no document or page");
		}
		if (documents.size() > MAX_GOLD || pages.size() > MAX_GOLD) {
			throw bad(number, "a question names at most " + MAX_GOLD + " documents and " + MAX_GOLD + " pages");
		}
		String reference = first(text(node, "answer", number), text(node, "target", number));
		if (reference != null && reference.length() > MAX_REFERENCE) {
			reference = reference.substring(0, MAX_REFERENCE) + "…";
		}
		return new Question(checkedName(id, number, "id"), question, List.copyOf(documents), List.copyOf(pages),
				reference, history);
	}

	/**
	 * The turns before the question: {@code [{role: user|assistant, content}]} or MTRAG's
	 * {@code [{speaker: user|agent, text}]}.
	 */
	private static List<Turn> history(JsonNode node, String field, int number) {
		JsonNode values = node.get(field);
		if (values == null || values.isNull()) {
			return List.of();
		}
		String shape = "\"" + field + "\" is a list of {\"role\": \"user\" or \"assistant\", \"content\": text}"
				+ " (or {\"speaker\": \"user\" or \"agent\", \"text\": text})";
		if (!values.isArray()) {
			throw bad(number, shape);
		}
		if (values.size() > MAX_HISTORY + (field.equals("input") ? 1 : 0)) {
			throw bad(number, "\"" + field + "\" holds more than " + MAX_HISTORY + " turns");
		}
		List<Turn> turns = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			JsonNode value = values.get(i);
			String at = "\"" + field + "\"[" + i + "]";
			if (!value.isObject()) {
				throw bad(number, shape);
			}
			JsonNode role = value.has("role") ? value.get("role") : value.get("speaker");
			JsonNode content = value.has("content") ? value.get("content") : value.get("text");
			String said = (role != null && role.isTextual()) ? role.asText() : "";
			String turnRole = switch (said) {
				case Turn.USER -> Turn.USER;
				case Turn.ASSISTANT, "agent" -> Turn.ASSISTANT;
				default -> throw bad(number, at + ": the role is user or assistant (speaker user or agent)");
			};
			if (content == null || !content.isTextual() || content.asText().isBlank()) {
				throw bad(number, at + ": the content is a text that is not empty");
			}
			if (content.asText().length() > MAX_TURN) {
				throw bad(number, at + " is longer than " + MAX_TURN + " characters");
			}
			turns.add(new Turn(turnRole, content.asText().strip()));
		}
		return turns;
	}

	private static List<String> names(JsonNode node, String field, int number) {
		JsonNode values = node.get(field);
		if (values == null || values.isNull()) {
			return List.of();
		}
		if (!values.isArray()) {
			throw bad(number, "\"" + field + "\" is a list of document names");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode value : values) {
			if (!value.isTextual() || value.asText().isBlank()) {
				throw bad(number, "\"" + field + "\" is a list of document names");
			}
			names.add(checkedName(value.asText().strip(), number, field));
		}
		return names;
	}

	private static List<Page> pages(JsonNode node, int number) {
		JsonNode values = node.get("pages");
		if (values == null || values.isNull()) {
			return List.of();
		}
		String shape = "\"pages\" is a list of {\"document\": name, \"page\": number from 1}";
		if (!values.isArray()) {
			throw bad(number, shape);
		}
		List<Page> pages = new ArrayList<>();
		for (JsonNode value : values) {
			JsonNode document = value.get("document");
			JsonNode page = value.get("page");
			if (document == null || !document.isTextual() || document.asText().isBlank() || page == null
					|| !page.canConvertToInt() || !page.isIntegralNumber() || page.asInt() < 1) {
				throw bad(number, shape);
			}
			pages.add(new Page(checkedName(document.asText().strip(), number, "document"), page.asInt()));
		}
		return pages;
	}

	/** FinanceBench's evidence: its page numbers count from 0. */
	private static List<Page> evidence(JsonNode node, int number) {
		JsonNode values = node.get("evidence");
		if (values == null || values.isNull()) {
			return List.of();
		}
		String shape = "\"evidence\" is a list of {\"doc_name\": name, \"evidence_page_num\": number from 0}";
		if (!values.isArray()) {
			throw bad(number, shape);
		}
		List<Page> pages = new ArrayList<>();
		for (JsonNode value : values) {
			JsonNode document = value.get("doc_name");
			JsonNode page = value.get("evidence_page_num");
			if (document == null || !document.isTextual() || document.asText().isBlank() || page == null
					|| !page.isIntegralNumber() || !page.canConvertToInt() || page.asInt() < 0) {
				throw bad(number, shape);
			}
			pages.add(new Page(checkedName(document.asText().strip(), number, "doc_name"), page.asInt() + 1));
		}
		return pages;
	}

	private static String text(JsonNode node, String field, int number) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode() || value.isBoolean()) {
			throw bad(number, "\"" + field + "\" is a text");
		}
		return value.asText();
	}

	private static String checkedName(String name, int number, String field) {
		if (name.length() > MAX_NAME) {
			throw bad(number, "\"" + field + "\" is longer than " + MAX_NAME + " characters");
		}
		return name;
	}

	@SafeVarargs
	private static <T> T first(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static RejectedInputException bad(int number, String reason) {
		return new RejectedInputException("Line " + number + " of the golden set: " + reason);
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
