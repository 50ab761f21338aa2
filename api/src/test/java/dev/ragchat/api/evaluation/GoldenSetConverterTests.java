package dev.ragchat.api.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code benchmarks/eval/golden_set.py}: the benchmarks' own layouts (FinanceBench,
 * MTRAG's tasks, the held-out corpora's questions), once the API's, converted into golden
 * sets the API reads to the same questions.
 */
@RequiresProgram(ExternalProgram.PYTHON)
class GoldenSetConverterTests {

	private static final Path SCRIPT = Path.of("..", "benchmarks", "eval", "golden_set.py");

	@TempDir
	Path dir;

	@Test
	void theBenchmarksLayoutsBecomeTheApisQuestions() throws Exception {
		String converted = convert(
				"""
						{"financebench_id": "fb_7", "company": "3M", "question": "What was 3M's capex?", "doc_name": "3M_2018_10K", "evidence": [{"doc_name": "3M_2018_10K", "evidence_page_num": 59, "evidence_text": "..."}], "answer": "$1577.00"}

						{"id": "ordqa-1", "question": "How do I estimate parasitics?", "gold_doc_ids": ["rcx_1", "rcx_2"], "answer": "estimate_parasitics", "type": "vlsi_flow"}
						{"id": "none", "question": "Who won the cup?", "gold_doc_ids": []}
						{"task_id": "c1<::>2", "collection": "govt", "answerability": "ANSWERABLE", "input": [{"speaker": "user", "text": "Tell me about the lighthouse."}, {"speaker": "agent", "text": "It stands on Kestrel Point."}, {"speaker": "user", "text": "When was it automated?"}], "target": "In 1987.", "gold_files": ["govt-harbour.md"], "contexts": []}
						{"task_id": "c2<::>1", "answerability": "UNANSWERABLE", "input": [{"speaker": "user", "text": "Who won the cup?"}], "gold_files": []}
						{"id": "speakers", "question": "And the harbour?", "history": [{"speaker": "user", "text": "When was it dredged?"}, {"speaker": "agent", "text": "In 1902."}], "refuse": true}
						{"id": "own", "question": "When was it automated?", "pages": [{"document": "logbook.pdf", "page": 3}]}
						""");
		assertThat(GoldenSet.parse(converted, 10, 100).questions()).containsExactly(
				// FinanceBench counts pages from 0
				new GoldenSet.Question("fb_7", "What was 3M's capex?", List.of("3M_2018_10K"),
						List.of(new GoldenSet.Page("3M_2018_10K", 60)), "$1577.00"),
				new GoldenSet.Question("ordqa-1", "How do I estimate parasitics?", List.of("rcx_1", "rcx_2"), List.of(),
						"estimate_parasitics"),
				new GoldenSet.Question("none", "Who won the cup?", List.of(), List.of(), null),
				// a task of MTRAG's tasks.jsonl: its last turn is the question; agent is
				// the assistant
				new GoldenSet.Question("c1<::>2", "When was it automated?", List.of("govt-harbour.md"), List.of(),
						"In 1987.",
						List.of(new GoldenSet.Turn("user", "Tell me about the lighthouse."),
								new GoldenSet.Turn("assistant", "It stands on Kestrel Point."))),
				new GoldenSet.Question("c2<::>1", "Who won the cup?", List.of(), List.of(), null),
				new GoldenSet.Question("speakers", "And the harbour?", List.of(), List.of(), null,
						List.of(new GoldenSet.Turn("user", "When was it dredged?"),
								new GoldenSet.Turn("assistant", "In 1902."))),
				new GoldenSet.Question("own", "When was it automated?", List.of("logbook.pdf"),
						List.of(new GoldenSet.Page("logbook.pdf", 3)), null));
	}

	@Test
	void aTaskThatEndsOnTheAgentStopsItByItsLine() throws Exception {
		Path in = this.dir.resolve("tasks.jsonl");
		Files.writeString(in, "{\"question\": \"fine\"}\n"
				+ "{\"task_id\": \"t\", \"input\": [{\"speaker\": \"user\", \"text\": \"q\"}, {\"speaker\": \"agent\", \"text\": \"a\"}]}\n");
		Process process = new ProcessBuilder(ExternalProgram.PYTHON.file().toString(), SCRIPT.toString(), in.toString(),
				this.dir.resolve("out.jsonl").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isNotZero();
		assertThat(output).contains("line 2: the last turn of \"input\" is the user's question");
	}

	private String convert(String lines) throws IOException, InterruptedException {
		Path in = this.dir.resolve("in.jsonl");
		Path out = this.dir.resolve("out.jsonl");
		Files.writeString(in, lines);
		Process process = new ProcessBuilder(ExternalProgram.PYTHON.file().toString(), SCRIPT.toString(), in.toString(),
				out.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return Files.readString(out);
	}

}
