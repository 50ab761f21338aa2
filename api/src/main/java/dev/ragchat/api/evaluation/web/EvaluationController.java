package dev.ragchat.api.evaluation.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.evaluation.Comparison;
import dev.ragchat.api.evaluation.Evaluation;
import dev.ragchat.api.evaluation.Evaluations;
import dev.ragchat.api.evaluation.GoldenSetException;
import dev.ragchat.api.evaluation.Metric;
import dev.ragchat.api.evaluation.QuestionResult;
import dev.ragchat.api.evaluation.RunSettings;
import dev.ragchat.api.web.Problems;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A knowledge base's evaluations: a golden set run in the background through the answer
 * engine, its progress, totals and questions, cancelled, and two runs compared. Every
 * call needs the master key or an API key with the {@code chat} scope that may use the
 * knowledge base: an evaluation asks it questions, as a chat does.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases/{kb}/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "evaluations")
class EvaluationController {

	/** The largest golden set file read. */
	private static final int MAX_GOLDEN_SET_BYTES = 16 * 1024 * 1024;

	private static final int MAX_PAGE = 500;

	private static final int MAX_WAIT_SECONDS = 60;

	private static final long WAIT_POLL_MILLIS = 200;

	private final Evaluations evaluations;

	private final KnowledgeBases knowledgeBases;

	private final Audit audit;

	EvaluationController(Evaluations evaluations, KnowledgeBases knowledgeBases, Audit audit) {
		this.evaluations = evaluations;
		this.knowledgeBases = knowledgeBases;
		this.audit = audit;
	}

	@PostMapping(consumes = { "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Start an evaluation: the body is the golden set (JSON lines); settings as parameters:"
			+ " mode (hybrid|vector|keyword), topK, rerank, configId (a persona), name")
	ResponseEntity<EvaluationView> start(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @RequestBody(required = false) String goldenSet,
			@RequestParam(required = false) String name, @RequestParam(required = false) String mode,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Boolean rerank,
			@RequestParam(required = false) String configId) {
		return started(caller, kb, new Evaluations.Request(name, mode, topK, rerank, configId), goldenSet);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Start an evaluation from an uploaded golden set file (part goldenSet, JSON lines) with the"
			+ " same settings as form fields or parameters")
	ResponseEntity<EvaluationView> upload(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @RequestPart(name = "goldenSet", required = false) MultipartFile goldenSet,
			@RequestParam(required = false) String name, @RequestParam(required = false) String mode,
			@RequestParam(required = false) Integer topK, @RequestParam(required = false) Boolean rerank,
			@RequestParam(required = false) String configId) throws IOException {
		if (goldenSet == null) {
			throw new RejectedInputException("Send the golden set as the multipart part 'goldenSet'");
		}
		if (goldenSet.getSize() > MAX_GOLDEN_SET_BYTES) {
			throw new TooLargeException("The golden set is larger than " + MAX_GOLDEN_SET_BYTES + " bytes");
		}
		String text;
		try (InputStream in = goldenSet.getInputStream()) {
			text = text(in.readNBytes(MAX_GOLDEN_SET_BYTES));
		}
		return started(caller, kb, new Evaluations.Request(name, mode, topK, rerank, configId), text);
	}

	/**
	 * A golden set refused: the problem, with the line ({@code line}, from 1) and the
	 * field ({@code field}, as {@code pages[0].page}) that its detail names, when it
	 * names them.
	 * @param ex the refusal
	 * @return its problem
	 */
	@ExceptionHandler
	ProblemDetail badGoldenSet(GoldenSetException ex) {
		ProblemDetail problem = Problems.refusal(ex);
		if (ex.line() != null) {
			problem.setProperty("line", ex.line());
		}
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

	/**
	 * @param bytes a golden set file as it came
	 * @return its text
	 * @throws RejectedInputException for bytes that are not UTF-8 (not read as U+FFFD,
	 * which would ask other questions than those sent; a body is read as strictly by
	 * {@code api.web}'s string converter)
	 */
	private static String text(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new RejectedInputException("The golden set is not UTF-8 text");
		}
	}

	private ResponseEntity<EvaluationView> started(Caller caller, String kb, Evaluations.Request request,
			String goldenSet) {
		caller.require(Scope.CHAT, kb);
		Evaluation started;
		try {
			started = this.evaluations.start(caller, kb, request, goldenSet);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "evaluation.started", "evaluations:" + kb, ex);
			throw ex;
		}
		this.audit.evaluationStarted(caller.keyId(), kb, started.id(), started.total());
		EvaluationView view = EvaluationView.of(started);
		return ResponseEntity.accepted().location(URI.create(view.url())).body(view);
	}

	@GetMapping
	@Operation(summary = "The evaluations of a knowledge base, newest first, paged")
	EvaluationList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		readable(caller, kb);
		page(offset, limit);
		Evaluations.Listed listed = this.evaluations.list(kb, offset, limit);
		return new EvaluationList(listed.evaluations().stream().map(EvaluationView::of).toList(), offset, limit,
				listed.total());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One evaluation: its status, progress (done of total), settings and, once it ended, totals;"
			+ " with waitSeconds, first wait (up to 60 s) until it ended")
	EvaluationView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id, @RequestParam(defaultValue = "0") int waitSeconds) throws InterruptedException {
		readable(caller, kb);
		if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
			throw new RejectedInputException("waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
		}
		// polled, as a sync run's wait is: a run may end on another node
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
		Evaluation evaluation = this.evaluations.get(kb, id);
		while (!evaluation.status().ended() && System.nanoTime() < deadline) {
			Thread.sleep(WAIT_POLL_MILLIS);
			evaluation = this.evaluations.get(kb, id);
		}
		return EvaluationView.of(evaluation);
	}

	@GetMapping("/{id}/questions")
	@Operation(summary = "The results of an evaluation's questions answered so far, in the golden set's order, paged")
	QuestionList questions(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		readable(caller, kb);
		page(offset, limit);
		return new QuestionList(this.evaluations.questions(kb, id, offset, limit), offset, limit);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Cancel an evaluation: it asks no more questions and says CANCELLED (409 once it is DONE"
			+ " or FAILED); its stored results stay")
	EvaluationView cancel(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id) {
		readable(caller, kb);
		Evaluation cancelled;
		try {
			cancelled = this.evaluations.cancel(kb, id);
		}
		catch (RagChatException ex) {
			this.audit.refused(caller.keyId(), "evaluation.cancelled", "evaluation:" + kb + "/" + id, ex);
			throw ex;
		}
		this.audit.evaluationCancelled(caller.keyId(), kb, id);
		return EvaluationView.of(cancelled);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel an evaluation (as DELETE does)")
	EvaluationView cancelByPost(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@PathVariable String kb, @PathVariable String id) {
		return cancel(caller, kb, id);
	}

	@GetMapping("/compare")
	@Operation(summary = "Two evaluations side by side: per figure both values, b − a, and whether the change is"
			+ " beyond noise (more than both 1/n and sqrt(p(1−p)/n) of a's figure); latencies get no verdict")
	ComparisonView compare(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestParam(required = false) String a, @RequestParam(required = false) String b) {
		readable(caller, kb);
		Comparison comparison = this.evaluations.compare(kb, a, b);
		return new ComparisonView(EvaluationView.of(comparison.a()), EvaluationView.of(comparison.b()),
				comparison.figures());
	}

	private void readable(Caller caller, String kb) {
		caller.require(Scope.CHAT, kb);
		this.knowledgeBases.get(kb);
	}

	private static void page(int offset, int limit) {
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
	}

	/**
	 * An evaluation as the API shows it.
	 *
	 * @param id its id
	 * @param knowledgeBase the knowledge base it asks
	 * @param name its label
	 * @param status QUEUED, RUNNING, DONE, CANCELLED or FAILED
	 * @param settings mode, topK, rerank and configId
	 * @param total questions in the golden set
	 * @param done questions answered and scored
	 * @param totals the figures, once it ended
	 * @param error why it failed
	 * @param createdAt when it was started
	 * @param startedAt when its first question was asked
	 * @param finishedAt when it ended
	 * @param url where to read it
	 * @param questionsUrl where to read its questions' results
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EvaluationView(String id, String knowledgeBase, String name, String status, RunSettings settings, int total,
			int done, Map<String, Metric> totals, String error, Instant createdAt, Instant startedAt,
			Instant finishedAt, String url, String questionsUrl) {

		static EvaluationView of(Evaluation e) {
			String url = "/api/v1/knowledge-bases/" + e.knowledgeBase() + "/evaluations/" + e.id();
			return new EvaluationView(e.id(), e.knowledgeBase(), e.name(), e.status().name(), e.settings(), e.total(),
					e.done(), e.totals().isEmpty() ? null : e.totals(), e.error(), e.createdAt(), e.startedAt(),
					e.finishedAt(), url, url + "/questions");
		}

	}

	record EvaluationList(List<EvaluationView> evaluations, int offset, int limit, long total) {

	}

	record QuestionList(List<QuestionResult> questions, int offset, int limit) {

	}

	record ComparisonView(EvaluationView a, EvaluationView b, List<Comparison.Figure> figures) {

	}

}
