package dev.ragchat.api.evaluation;

import java.util.Collections;
import java.util.List;

import dev.ragchat.api.answer.generate.Turn;
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
	void aQuestionCarriesItsConversationInEitherLayoutAndMtragTasksAreReadAsTheyAre() {
		GoldenSet set = GoldenSet.parse(
				"""
						{"id": "roles", "question": "Who lived there before?", "documents": ["harbour"], "history": [{"role": "user", "content": "When was the lighthouse automated?"}, {"role": "assistant", "content": " In 1987 [1]. "}]}
						{"id": "speakers", "question": "And the harbour?", "history": [{"speaker": "user", "text": "When was it dredged?"}, {"speaker": "agent", "text": "In 1902."}], "refuse": true}
						{"id": "alone", "question": "When was the harbour dredged?", "documents": ["harbour"], "history": []}
						{"task_id": "c1<::>2", "collection": "govt", "answerability": "ANSWERABLE", "input": [{"speaker": "user", "text": "Tell me about the lighthouse."}, {"speaker": "agent", "text": "It stands on Kestrel Point."}, {"speaker": "user", "text": "When was it automated?"}], "target": "In 1987.", "gold_files": ["govt-harbour.md"], "contexts": []}
						{"task_id": "c2<::>1", "answerability": "UNANSWERABLE", "input": [{"speaker": "user", "text": "Who won the cup?"}], "gold_files": []}
						""",
				10, 100);
		assertThat(set.questions()).containsExactly(
				new GoldenSet.Question("roles", "Who lived there before?", List.of("harbour"), List.of(), null,
						List.of(new GoldenSet.Turn(GoldenSet.Turn.USER, "When was the lighthouse automated?"),
								new GoldenSet.Turn(GoldenSet.Turn.ASSISTANT, "In 1987 [1]."))),
				// MTRAG's speakers: agent is the assistant
				new GoldenSet.Question("speakers", "And the harbour?", List.of(), List.of(), null,
						List.of(new GoldenSet.Turn("user", "When was it dredged?"),
								new GoldenSet.Turn("assistant", "In 1902."))),
				new GoldenSet.Question("alone", "When was the harbour dredged?", List.of("harbour"), List.of(), null),
				// a task of MTRAG's tasks.jsonl: its last turn is the question
				new GoldenSet.Question("c1<::>2", "When was it automated?", List.of("govt-harbour.md"), List.of(),
						"In 1987.",
						List.of(new GoldenSet.Turn("user", "Tell me about the lighthouse."),
								new GoldenSet.Turn("assistant", "It stands on Kestrel Point."))),
				new GoldenSet.Question("c2<::>1", "Who won the cup?", List.of(), List.of(), null));
		assertThat(set.questions()).extracting(GoldenSet.Question::answerable)
			.containsExactly(true, false, true, true, false);
	}

	@Test
	void aBadHistoryIsRefusedByItsLineAndTurn() {
		assertRefused("{\"question\": \"q\", \"history\": \"earlier\"}",
				"Line 1 of the golden set: \"history\" is a list of {\"role\": \"user\" or \"assistant\"");
		assertRefused("{\"question\": \"q\", \"history\": [\"hello\"]}", "\"history\" is a list of");
		assertRefused("{\"question\": \"q\", \"history\": [{\"role\": \"system\", \"content\": \"be brief\"}]}",
				"\"history\"[0]: the role is user or assistant (speaker user or agent)");
		assertRefused(
				"{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \"a\"},"
						+ " {\"speaker\": \"agent\", \"text\": \" \"}]}",
				"\"history\"[1]: the content is a text that is not empty");
		assertRefused("{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": 7}]}",
				"\"history\"[0]: the content is a text");
		assertRefused(
				"{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \""
						+ "x".repeat(GoldenSet.MAX_TURN + 1) + "\"}]}",
				"\"history\"[0] is longer than 20000 characters");
		String turn = "{\"role\": \"user\", \"content\": \"a\"}";
		assertRefused("{\"question\": \"q\", \"history\": [" + String.join(", ", Collections.nCopies(51, turn)) + "]}",
				"\"history\" holds more than 50 turns");
		assertThat(GoldenSet
			.parse("{\"question\": \"q\", \"history\": [" + String.join(", ", Collections.nCopies(50, turn)) + "]}", 2,
					100)
			.questions()
			.get(0)
			.history()).hasSize(50);
		assertRefused(
				"{\"task_id\": \"t\", \"input\": [{\"speaker\": \"user\", \"text\": \"q\"},"
						+ " {\"speaker\": \"agent\", \"text\": \"a\"}]}",
				"the last turn of \"input\" is the user's question");
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
