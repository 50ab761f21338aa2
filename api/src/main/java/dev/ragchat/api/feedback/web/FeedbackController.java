package dev.ragchat.api.feedback.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.Person;
import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.Feedbacks;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Thumbs up or down on answers.
 */
@RestController
@Tag(name = "feedback", description = "Ratings of answers, per knowledge base")
class FeedbackController {

	private static final int MAX_PAGE = 100;

	private final Feedbacks feedbacks;

	private final KnowledgeBases knowledgeBases;

	private final KeyOwners owners;

	FeedbackController(Feedbacks feedbacks, KnowledgeBases knowledgeBases, ObjectProvider<KeyOwners> owners) {
		this.feedbacks = feedbacks;
		this.knowledgeBases = knowledgeBases;
		this.owners = owners.getIfAvailable(KeyOwners::none);
	}

	@PutMapping(path = "/api/v1/sessions/{id}/messages/{messageId}/feedback",
			consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rate an answer of this session: {rating: up|down, reason?}; rating it again replaces"
			+ " the rating")
	@SecurityRequirement(name = "sessionToken")
	FeedbackView rate(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String id,
			@PathVariable String messageId, @RequestBody RatingRequest request) {
		return FeedbackView.of(this.feedbacks.give(caller, id, messageId, request.parsed(), request.reason()),
				By.of(caller.person()));
	}

	@GetMapping(path = "/api/v1/knowledge-bases/{kb}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The ratings of answers from this knowledge base, newest first, paged")
	@SecurityRequirement(name = "apiKey")
	FeedbackList list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable String kb,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
		if (caller.kind() == Caller.Kind.SESSION || !caller.mayUse(kb)) {
			throw new NotFoundException("No knowledge base '" + kb + "'");
		}
		if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new RejectedInputException("offset must be 0 or more, limit between 1 and " + MAX_PAGE);
		}
		this.knowledgeBases.get(kb);
		Feedbacks.Listed listed = this.feedbacks.list(kb, offset, limit);
		// who rated: the person holding the session's key, if one does (once per key)
		Map<String, By> people = new HashMap<>();
		return new FeedbackList(listed.feedback()
			.stream()
			.map((f) -> FeedbackView.of(f,
					(f.keyId() != null) ? people.computeIfAbsent(f.keyId(),
							(keyId) -> this.owners.ownerOf(keyId).map(By::of).orElse(null)) : null))
			.toList(), offset, limit, listed.total());
	}

	/**
	 * A rating as sent.
	 *
	 * @param rating {@code up} or {@code down}
	 * @param reason why (at most 2000 characters), optional
	 */
	record RatingRequest(String rating, String reason) {

		Feedback.Rating parsed() {
			if (this.rating == null) {
				return null;
			}
			return switch (this.rating.toLowerCase(Locale.ROOT)) {
				case "up" -> Feedback.Rating.UP;
				case "down" -> Feedback.Rating.DOWN;
				default -> throw new RejectedInputException("rating is \"up\" or \"down\"; got '" + this.rating + "'");
			};
		}

	}

	/**
	 * A rating.
	 *
	 * @param person who rated, when a person signed in with an identity provider did
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FeedbackView(String messageId, String sessionId, String rating, String reason, String answer,
			Instant createdAt, By person) {

		static FeedbackView of(Feedback f, By person) {
			return new FeedbackView(f.messageId(), f.sessionId(), f.rating().name().toLowerCase(Locale.ROOT),
					f.reason(), f.answer(), f.createdAt(), person);
		}

	}

	/**
	 * A person.
	 *
	 * @param id their id
	 * @param name their name
	 */
	record By(String id, String name) {

		static By of(Person person) {
			return (person != null) ? new By(person.id(), person.name()) : null;
		}

	}

	record FeedbackList(List<FeedbackView> feedback, int offset, int limit, long total) {

	}

}
