package dev.ragchat.api.evaluation;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.ragchat.answer.Turn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden sets: one documented record a line, checked against its JSON Schema, read with
 * Jackson; a bad line refused by its number and field.
 */
class GoldenSetTests {

	@Test
	void readsTheDocumentedRecord() {
		GoldenSet set = GoldenSet.parse(
				"""
						{"id": "own", "question": " When was it automated? ", "documents": ["lighthouse"], "pages": [{"document": "logbook.pdf", "page": 3}], "answer": "1987"}

						{"question": "What is the capital of Mongolia?", "refuse": true}
						{"id": 7, "question": "How do I estimate parasitics?", "documents": ["rcx_1", " rcx_2 "], "answer": 42}
						{"id": "none", "question": "Who won the cup?", "documents": [], "pages": null, "answer": null, "history": null}
						""",
				10, 100);
		assertThat(set.questions()).containsExactly(
				new GoldenSet.Question("own", "When was it automated?", List.of("lighthouse", "logbook.pdf"),
						List.of(new GoldenSet.Page("logbook.pdf", 3)), "1987"),
				new GoldenSet.Question("line-3", "What is the capital of Mongolia?", List.of(), List.of(), null),
				// a number is read as its text
				new GoldenSet.Question("7", "How do I estimate parasitics?", List.of("rcx_1", "rcx_2"), List.of(),
						"42"),
				new GoldenSet.Question("none", "Who won the cup?", List.of(), List.of(), null));
		assertThat(set.questions()).extracting(GoldenSet.Question::answerable)
			.containsExactly(true, false, true, false);
	}

	@Test
	void aQuestionCarriesItsConversation() {
		GoldenSet set = GoldenSet.parse(
				"""
						{"id": "roles", "question": "Who lived there before?", "documents": ["harbour"], "history": [{"role": "user", "content": "When was the lighthouse automated?"}, {"role": "assistant", "content": " In 1987 [1]. "}]}
						{"id": "alone", "question": "When was the harbour dredged?", "documents": ["harbour"], "history": []}
						""",
				10, 100);
		assertThat(set.questions()).containsExactly(
				new GoldenSet.Question("roles", "Who lived there before?", List.of("harbour"), List.of(), null,
						List.of(new GoldenSet.Turn(GoldenSet.Turn.USER, "When was the lighthouse automated?"),
								new GoldenSet.Turn(GoldenSet.Turn.ASSISTANT, "In 1987 [1]."))),
				new GoldenSet.Question("alone", "When was the harbour dredged?", List.of("harbour"), List.of(), null));
	}

	@Test
	void aBenchmarksOwnFieldIsRefusedByItsName() {
		// FinanceBench's, MTRAG's and the held-out corpora's layouts are converted by
		// benchmarks/eval/golden_set.py (GoldenSetConverterTests); read here, they would
		// be questions to refuse
		String fields = "(the fields: id, question, documents, pages, refuse, answer, history)";
		assertRefused(1, "financebench_id",
				"{\"financebench_id\": \"fb_7\", \"question\": \"What was 3M's capex?\", \"doc_name\": \"3M_2018_10K\"}",
				"Line 1 of the golden set: \"financebench_id\" is not a field of a golden set line " + fields);
		assertRefused(1, "task_id", "{\"task_id\": \"c1\", \"input\": [{\"speaker\": \"user\", \"text\": \"q\"}]}",
				"\"task_id\" is not a field of a golden set line");
		assertRefused(1, "gold_doc_ids", "{\"question\": \"q\", \"gold_doc_ids\": [\"rcx_1\"]}",
				"\"gold_doc_ids\" is not a field of a golden set line");
		// a misspelt field, which would otherwise make it a question to refuse
		assertRefused(1, "document", "{\"question\": \"q\", \"document\": [\"rcx_1\"]}",
				"\"document\" is not a field of a golden set line");
		assertRefused(1, "history[0].speaker",
				"{\"question\": \"q\", \"history\": [{\"speaker\": \"user\", \"text\": \"earlier\"}]}",
				"Line 1 of the golden set: \"history[0].speaker\" is not a field of \"history[0]\" (the fields: role, content)");
		assertRefused(1, "pages[0].doc_name", "{\"question\": \"q\", \"pages\": [{\"doc_name\": \"a\", \"page\": 1}]}",
				"\"pages[0].doc_name\" is not a field of \"pages[0]\" (the fields: document, page)");
	}

	@Test
	void aBadHistoryIsRefusedByItsLineAndTurn() {
		assertRefused(1, "history", "{\"question\": \"q\", \"history\": \"earlier\"}",
				"Line 1 of the golden set: \"history\" is a list");
		assertRefused(1, "history[0]", "{\"question\": \"q\", \"history\": [\"hello\"]}",
				"\"history[0]\" is an object");
		assertRefused(1, "history[0].role",
				"{\"question\": \"q\", \"history\": [{\"role\": \"system\", \"content\": \"be brief\"}]}",
				"\"history[0].role\" is \"user\" or \"assistant\"");
		assertRefused(1, "history[1].content",
				"{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \"a\"},"
						+ " {\"role\": \"assistant\", \"content\": \" \"}]}",
				"\"history[1].content\" is empty");
		assertRefused(1, "history[0].content",
				"{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": 7}]}",
				"\"history[0].content\" is a text");
		assertRefused(1, "history[0].content", "{\"question\": \"q\", \"history\": [{\"role\": \"user\"}]}",
				"\"history[0].content\" is missing");
		assertRefused(1, "history[0].content",
				"{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(20_001)
						+ "\"}]}",
				"\"history[0].content\" is longer than 20000 characters");
		String turn = "{\"role\": \"user\", \"content\": \"a\"}";
		assertRefused(1, "history",
				"{\"question\": \"q\", \"history\": [" + String.join(", ", Collections.nCopies(51, turn)) + "]}",
				"\"history\" holds more than 50 entries");
		assertThat(GoldenSet
			.parse("{\"question\": \"q\", \"history\": [" + String.join(", ", Collections.nCopies(50, turn)) + "]}", 2,
					100)
			.questions()
			.get(0)
			.history()).hasSize(50);
	}

	@Test
	void theEngineReadsTheLatestTurnsOfAHistoryAsAChatDoes() {
		GoldenSet.Question question = new GoldenSet.Question("q", "And then?", List.of(), List.of(), null,
				List.of(new GoldenSet.Turn("user", "one"), new GoldenSet.Turn("assistant", "two"),
						new GoldenSet.Turn("user", "three")));
		assertThat(Worker.history(question, 2)).containsExactly(new Turn(Turn.ASSISTANT, "two"),
				new Turn(Turn.USER, "three"));
		assertThat(Worker.history(question, 6)).extracting(Turn::content).containsExactly("one", "two", "three");
	}

	@Test
	void aBadLineIsRefusedByItsNumberAndField() {
		assertRefused(2, null, "{\"question\": \"fine\"}\n{\"question\": \"broken\"",
				"Line 2 of the golden set: not a JSON");
		assertRefused(3, null, "\n\n[1, 2]", "Line 3 of the golden set: not a JSON object");
		assertRefused(1, "question", "{\"documents\": [\"a\"]}", "Line 1 of the golden set: \"question\" is missing");
		assertRefused(1, "question", "{\"question\": \"  \"}", "Line 1 of the golden set: \"question\" is empty");
		assertRefused(1, "question", "{\"question\": [\"q\"]}", "Line 1 of the golden set: \"question\" is a text");
		assertRefused(1, "refuse", "{\"question\": \"q\", \"refuse\": true, \"documents\": [\"a\"]}",
				"Line 1 of the golden set: a question to refuse names no document or page");
		assertRefused(1, "refuse", "{\"question\": \"q\", \"refuse\": \"yes\"}",
				"Line 1 of the golden set: \"refuse\" is true or false");
		assertRefused(1, "pages[0].page", "{\"question\": \"q\", \"pages\": [{\"document\": \"a\", \"page\": 0}]}",
				"Line 1 of the golden set: \"pages[0].page\" is at least 1");
		assertRefused(1, "pages[0].page", "{\"question\": \"q\", \"pages\": [{\"document\": \"a\", \"page\": 1.5}]}",
				"\"pages[0].page\" is a whole number");
		assertRefused(1, "pages[0].document", "{\"question\": \"q\", \"pages\": [{\"page\": 2}]}",
				"\"pages[0].document\" is missing");
		assertRefused(1, "documents", "{\"question\": \"q\", \"documents\": \"a\"}",
				"Line 1 of the golden set: \"documents\" is a list");
		assertRefused(1, "documents[1]", "{\"question\": \"q\", \"documents\": [\"a\", \" \"]}",
				"\"documents[1]\" is empty");
		assertRefused(1, "documents[0]", "{\"question\": \"q\", \"documents\": [\"" + "d".repeat(501) + "\"]}",
				"\"documents[0]\" is longer than 500 characters");
		assertRefused(1, "id", "{\"question\": \"q\", \"id\": true}", "\"id\" is a text or a number");
		assertRefused(1, "question", "{\"question\": \"" + "x".repeat(101) + "\"}", "longer than 100 characters");
		assertRefused(2, "id", "{\"id\": 1, \"question\": \"q\"}\n{\"id\": \"1\", \"question\": \"r\"}",
				"Line 2: id '1' is used twice");
		assertRefused(null, null, "  \n", "holds no question");
		assertRefused(3, null, "{\"question\": \"a\"}\n{\"question\": \"b\"}\n{\"question\": \"c\"}",
				"more than 2 questions, the most a run takes");
	}

	@Test
	void aQuestionNamesAtMostAHundredDocumentsCountingThoseOfItsPages() {
		String documents = IntStream.range(0, 60)
			.mapToObj((i) -> "\"d" + i + "\"")
			.collect(Collectors.joining(", ", "[", "]"));
		String pages = IntStream.range(60, 101)
			.mapToObj((i) -> "{\"document\": \"d" + i + "\", \"page\": 1}")
			.collect(Collectors.joining(", ", "[", "]"));
		assertRefused(1, "documents",
				"{\"question\": \"q\", \"documents\": " + documents + ", \"pages\": " + pages + "}",
				"a question names at most 100 documents");
	}

	@Test
	void theSchemaIsShippedWithTheApplication() throws Exception {
		// the file docs/api.md links to is the one the application checks lines with
		try (var in = GoldenSetSchema.class.getResourceAsStream(GoldenSetSchema.RESOURCE)) {
			assertThat(in).as(GoldenSetSchema.RESOURCE).isNotNull();
			var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
			assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
			assertThat(schema.path("properties").propertyStream().map(java.util.Map.Entry::getKey))
				.containsExactly("id", "question", "documents", "pages", "refuse", "answer", "history");
			assertThat(GoldenSetLine.class.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
				.containsExactly("id", "question", "documents", "pages", "refuse", "answer", "history");
		}
	}

	private static void assertRefused(Integer line, String field, String text, String message) {
		assertThatThrownBy(() -> GoldenSet.parse(text, 2, 100)).isInstanceOf(GoldenSetException.class)
			.hasMessageContaining(message)
			.satisfies((ex) -> {
				assertThat(((GoldenSetException) ex).line()).isEqualTo(line);
				assertThat(((GoldenSetException) ex).field()).isEqualTo(field);
			});
	}

}
