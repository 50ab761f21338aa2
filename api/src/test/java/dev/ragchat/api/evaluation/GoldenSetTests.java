package dev.ragchat.api.evaluation;

import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden sets in this API's layout and as the benchmark corpora have them.
 */
class GoldenSetTests {

	@Test
	void readsThisApisLayoutTheHeldOutLayoutAndFinanceBenchs() {
		GoldenSet set = GoldenSet.parse(
				"""
						{"id": "own", "question": " When was it automated? ", "documents": ["lighthouse"], "pages": [{"document": "logbook.pdf", "page": 3}], "answer": "1987"}

						{"question": "What is the capital of Mongolia?", "refuse": true}
						{"id": "ordqa-1", "question": "How do I estimate parasitics?", "gold_doc_ids": ["rcx_1", "rcx_2"], "answer": "estimate_parasitics", "type": "vlsi_flow"}
						{"financebench_id": "fb_7", "question": "What was 3M's capex?", "doc_name": "3M_2018_10K", "evidence": [{"doc_name": "3M_2018_10K", "evidence_page_num": 59, "evidence_text": "..."}]}
						{"id": "none", "question": "Who won the cup?", "gold_doc_ids": []}
						""",
				10, 100);
		assertThat(set.questions()).containsExactly(
				new GoldenSet.Question("own", "When was it automated?", List.of("lighthouse", "logbook.pdf"),
						List.of(new GoldenSet.Page("logbook.pdf", 3)), "1987"),
				new GoldenSet.Question("line-3", "What is the capital of Mongolia?", List.of(), List.of(), null),
				new GoldenSet.Question("ordqa-1", "How do I estimate parasitics?", List.of("rcx_1", "rcx_2"), List.of(),
						"estimate_parasitics"),
				// FinanceBench counts pages from 0
				new GoldenSet.Question("fb_7", "What was 3M's capex?", List.of("3M_2018_10K"),
						List.of(new GoldenSet.Page("3M_2018_10K", 60)), null),
				new GoldenSet.Question("none", "Who won the cup?", List.of(), List.of(), null));
		assertThat(set.questions()).extracting(GoldenSet.Question::answerable)
			.containsExactly(true, false, true, true, false);
	}

	@Test
	void aBadLineIsRefusedByItsNumber() {
		assertRefused("{\"question\": \"fine\"}\n{\"question\": \"broken\"", "Line 2 of the golden set: not a JSON");
		assertRefused("\n\n[1, 2]", "Line 3 of the golden set: not a JSON object");
		assertRefused("{\"documents\": [\"a\"]}", "Line 1 of the golden set: \"question\" is missing");
		assertRefused("{\"question\": \"q\", \"refuse\": true, \"documents\": [\"a\"]}",
				"Line 1 of the golden set: a question to refuse names no document or page");
		assertRefused("{\"question\": \"q\", \"pages\": [{\"document\": \"a\", \"page\": 0}]}",
				"Line 1 of the golden set: \"pages\" is a list of");
		assertRefused("{\"question\": \"q\", \"documents\": \"a\"}",
				"Line 1 of the golden set: \"documents\" is a list");
		assertRefused("{\"question\": \"" + "x".repeat(101) + "\"}", "longer than 100 characters");
		assertRefused("{\"id\": 1, \"question\": \"q\"}\n{\"id\": \"1\", \"question\": \"r\"}",
				"Line 2: id '1' is used twice");
		assertRefused("  \n", "holds no question");
		assertRefused("{\"question\": \"a\"}\n{\"question\": \"b\"}\n{\"question\": \"c\"}",
				"more than 2 questions, the most a run takes");
	}

	private static void assertRefused(String text, String message) {
		assertThatThrownBy(() -> GoldenSet.parse(text, 2, 100)).isInstanceOf(RejectedInputException.class)
			.hasMessageContaining(message);
	}

}
