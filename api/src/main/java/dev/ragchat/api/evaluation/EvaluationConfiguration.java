package dev.ragchat.api.evaluation;

import java.time.Clock;

import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.ChatProperties;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionModels;
import dev.ragchat.retrieval.rerank.Reranking;
import org.jobrunr.scheduling.JobRequestScheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Evaluations on the store the catalog chose, run as JobRunr jobs by the {@link Worker}
 * (also the filter that ends a run JobRunr gave up on).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationProperties.class)
class EvaluationConfiguration {

	@Bean
	Worker evaluationWorker(AnswerEngine engine, AnswerAdmission admission, EvaluationStore store, Clock clock,
			ObjectProvider<SessionModels> models) {
		return new Worker(engine, admission, store, clock, models.getIfAvailable(() -> SessionModels.NONE));
	}

	@Bean
	Evaluations evaluations(EvaluationStore store, Worker worker, JobRequestScheduler jobs, ChatSessions sessions,
			EvaluationProperties properties, ChatProperties chat, Clock clock, ObjectProvider<Reranking> reranking) {
		// a run reranks only with a reranker (RAGCHAT_RERANK_URL), as the search does
		return new Evaluations(store, worker, jobs, sessions, properties, chat, clock,
				reranking.getIfAvailable() != null);
	}

}
