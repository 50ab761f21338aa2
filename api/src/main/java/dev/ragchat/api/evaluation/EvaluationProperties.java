package dev.ragchat.api.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of evaluations.
 *
 * @param maxQuestions the most questions a golden set may hold
 * @param maxRuns the most evaluations queued or running at once, in every knowledge base
 * (they run one question at a time, one after another; a start beyond it is refused with
 * 429)
 */
@ConfigurationProperties("ragchat.evaluation")
public record EvaluationProperties(@DefaultValue("1000") int maxQuestions, @DefaultValue("3") int maxRuns) {

}
