package dev.ragchat.api.web;

import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.IdempotencyConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.errors.UnprocessableException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place every module's refusals become HTTP statuses.
 */
class ProblemStatusTests {

	@Test
	void mapsEveryRefusalToItsStatus() {
		assertThat(Problems.status(new NotFoundException("x"))).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Problems.status(new RejectedInputException("x"))).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Problems.status(new UnsupportedMediaTypeException("x")))
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(Problems.status(new ConflictException("x"))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Problems.status(new IdempotencyConflictException("x"))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(Problems.status(new ForbiddenException("x"))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(Problems.status(new TooLargeException("x"))).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(Problems.status(new UnprocessableException("x"))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(Problems.status(new UnavailableException("x"))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(Problems.status(new BadUpstreamException("x"))).isEqualTo(HttpStatus.BAD_GATEWAY);
	}

}
