package dev.ragchat.api.sync.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.sources.Source;
import dev.ragchat.sources.Sources;
import dev.ragchat.sources.SyncRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A knowledge base's sync sources (a server folder under an allow-listed root, an S3
 * bucket and prefix, or a web site on a host the operator allows), their syncs and runs.
 * A web source's secret is taken, sealed, and never shown again (only its kind and header
 * name are). Every call needs the master key or an API key with the {@code upload} scope
 * that may use the knowledge base: a source writes its documents. Adding or deleting a
 * source needs the {@code admin} scope as well: a source names server paths or buckets,
 * read with the service's own rights. A place that a source of another knowledge base
 * mirrors may be mirrored only by a key that may use that knowledge base too (see
 * {@link Sources#create}). A source can be deleted while it syncs: the sync is stopped.
 */
@RestController
@RequestMapping(path = "/api/v1/knowledge-bases/{kb}/sources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sources")
class SourceController {

	private static final int MAX_WAIT_SECONDS = 60;

	private static final long WAIT_POLL_MILLIS = 200;

	private final Sources sources;

	private final Audit audit;

	SourceController(Sources sources, Audit audit) {
		this.sources = sources;
		this.audit = audit;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a source (master key, or a key with the upload and admin scopes): {type: folder, path}"
			+ " (under RAGCHAT_SYNC_FOLDER_ROOTS), {type: s3, bucket, prefix?} or {type: web, url, include?, exclude?,"
			+ " maxDepth?, maxPages?, auth?} (url a start page or a sitemap.xml on a host of RAGCHAT_SYNC_WEB_HOSTS;"
			+ " auth {header, value} or {username, password}); deleteMissing? (default false), schedule? (a cron"
			+ " expression, UTC) or intervalMinutes?")
	SourceView create(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestBody(required = false) Sources.NewSource request) {
		caller.require(Scope.UPLOAD, kb);
		caller.require(Scope.ADMIN, kb);
		if (request == null) {
			throw new RejectedInputException(
					"Send a JSON object: {type: folder, path}, {type: s3, bucket, prefix} or {type: web, url}");
		}
		Source source = this.sources.create(kb, request, caller::mayUse);
		this.audit.sourceCreated(caller.keyId(), kb, source.id(), source.location());
		return view(source, null);
	}

	@GetMapping
	@Operation(summary = "List the sources of a knowledge base, each with its latest run")
	SourceList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb) {
		caller.require(Scope.UPLOAD, kb);
		return new SourceList(this.sources.list(kb)
			.stream()
			.map((s) -> view(s, this.sources.lastRun(s).map(SourceController::view).orElse(null)))
			.toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A source with its latest run (progress while it runs, its report once it ended)")
	SourceView get(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id) {
		caller.require(Scope.UPLOAD, kb);
		Source source = this.sources.get(kb, id);
		return view(source, this.sources.lastRun(source).map(SourceController::view).orElse(null));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a source and its runs (its documents stay; master key, or a key with the upload and"
			+ " admin scopes), at any time: a sync of it that runs is stopped")
	void delete(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id) {
		caller.require(Scope.UPLOAD, kb);
		caller.require(Scope.ADMIN, kb);
		this.sources.delete(kb, id);
		this.audit.sourceDeleted(caller.keyId(), kb, id);
	}

	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sync a source now: a run that compares checksums, uploads new files, replaces changed ones"
			+ " in place and deletes missing ones only with deleteMissing; 409 while a sync of it runs")
	RunView sync(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id, @RequestBody(required = false) SyncRequest request) {
		caller.require(Scope.UPLOAD, kb);
		SyncRun run = this.sources.sync(kb, id, (request != null) ? request.deleteMissing() : null);
		this.audit.sourceSynced(caller.keyId(), kb, id, run.id(), run.deleteMissing());
		return view(run);
	}

	@GetMapping("/{id}/runs")
	@Operation(summary = "A source's runs, newest first")
	RunList runs(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id, @RequestParam(defaultValue = "20") int limit) {
		caller.require(Scope.UPLOAD, kb);
		return new RunList(this.sources.runs(kb, id, limit).stream().map(SourceController::view).toList());
	}

	@GetMapping("/{id}/runs/{runId}")
	@Operation(summary = "One run; with waitSeconds, first wait (up to 60 s) until it ended")
	RunView run(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@PathVariable String id, @PathVariable String runId, @RequestParam(defaultValue = "0") int waitSeconds)
			throws InterruptedException {
		caller.require(Scope.UPLOAD, kb);
		if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
			throw new RejectedInputException("waitSeconds must be between 0 and " + MAX_WAIT_SECONDS);
		}
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(waitSeconds);
		SyncRun run = this.sources.run(kb, id, runId);
		while (run.status() == SyncRun.Status.RUNNING && System.nanoTime() < deadline) {
			Thread.sleep(WAIT_POLL_MILLIS);
			run = this.sources.run(kb, id, runId);
		}
		return view(run);
	}

	private static SourceView view(Source s, RunView lastRun) {
		Source.Web web = s.web();
		return new SourceView(s.id(), s.knowledgeBase(), s.type().name().toLowerCase(java.util.Locale.ROOT), s.path(),
				s.bucket(), s.prefix(), (web != null) ? web.url() : null, (web != null) ? web.urls() : null,
				(web != null) ? web.include() : null, (web != null) ? web.exclude() : null,
				(web != null) ? web.maxDepth() : null, (web != null) ? web.maxPages() : null,
				(web != null && web.auth() != null) ? new AuthView(web.auth().kind(), web.auth().name()) : null,
				s.deleteMissing(), s.intervalMinutes(), s.schedule(), s.createdAt(), s.activeRunId() != null, lastRun);
	}

	static RunView view(SyncRun r) {
		return new RunView(r.id(), r.sourceId(), r.status().name(), r.trigger(), r.deleteMissing(), r.startedAt(),
				r.finishedAt(), r.progress(), r.report(), r.error(),
				"/api/v1/knowledge-bases/" + r.knowledgeBase() + "/sources/" + r.sourceId() + "/runs/" + r.id());
	}

	/**
	 * What a sync request may change for its run.
	 *
	 * @param deleteMissing whether this run deletes the documents whose file is gone
	 * (none: the source's setting)
	 */
	record SyncRequest(Boolean deleteMissing) {

	}

	record SourceList(List<SourceView> sources) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SourceView(String id, String knowledgeBase, String type, String path, String bucket, String prefix,
			String url, List<String> urls, List<String> include, List<String> exclude, Integer maxDepth,
			Integer maxPages, AuthView auth, boolean deleteMissing, Integer intervalMinutes, String schedule,
			Instant createdAt, boolean syncing, RunView lastRun) {

	}

	/**
	 * A web source's secret as shown: what kind it is, never its value.
	 *
	 * @param kind {@code header} or {@code basic}
	 * @param header the header's name ({@code header})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AuthView(String kind, String header) {

	}

	record RunList(List<RunView> runs) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RunView(String id, String sourceId, String status, String trigger, boolean deleteMissing, Instant startedAt,
			Instant finishedAt, SyncRun.Progress progress, SyncRun.Report report, String error, String url) {

	}

}
