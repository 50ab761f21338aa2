package dev.ragchat.api.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.ragchat.answer.Answer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live counters of the answers given, a session's or a stateless question's alike
 * (scraped at {@code /actuator/prometheus}): questions answered, answers by whether they
 * rest on the documents, the time from a question's arrival to its answer, and the tokens
 * language models spent.
 */
final class AnswerMetrics {

	private final Clock clock;

	private final Counter questions;

	private final Counter grounded;

	private final Counter refused;

	private final Timer latency;

	private final Counter modelTokens;

	AnswerMetrics(MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.questions = Counter.builder("ragchat.questions").description("Questions answered").register(meters);
		this.grounded = Counter.builder("ragchat.answers")
			.tag("outcome", "grounded")
			.description("Answers, by whether they rest on the documents")
			.register(meters);
		this.refused = Counter.builder("ragchat.answers")
			.tag("outcome", "refused")
			.description("Answers, by whether they rest on the documents")
			.register(meters);
		this.modelTokens = Counter.builder("ragchat.answer.tokens")
			.description("Tokens language models spent on answers, as they report them")
			.register(meters);
		this.latency = Timer.builder("ragchat.answer.latency")
			.description("From a question's arrival to its stored answer")
			.register(meters);
	}

	/**
	 * Counts an answer.
	 * @param answer the answer
	 * @param askedAt when its question came
	 */
	void counted(Answer answer, Instant askedAt) {
		this.questions.increment();
		(answer.grounded() ? this.grounded : this.refused).increment();
		this.latency.record(Duration.between(askedAt, this.clock.instant()));
		if (answer.tokens() != null) {
			this.modelTokens.increment(answer.tokens());
		}
	}

}
