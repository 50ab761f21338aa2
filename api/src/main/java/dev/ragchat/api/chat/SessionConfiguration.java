package dev.ragchat.api.chat;

import java.time.Clock;

import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.chat.answer.AnswerGenerator;
import dev.ragchat.api.chat.answer.AnswerSettings;
import dev.ragchat.api.chat.answer.CompressingQueryRewriter;
import dev.ragchat.api.chat.answer.QueryRewriter;
import dev.ragchat.api.chat.ground.Grounding;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.PageContext;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class SessionConfiguration {

	@Bean
	ChatSessions chatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases,
			ChatConfigStore configs, MessageStore messages, Clock clock) {
		return new ChatSessions(store, tokens, knowledgeBases, configs, messages, clock);
	}

	/**
	 * The chat settings the answer generators read, handed down to their package (which
	 * does not depend on this one).
	 */
	@Bean
	AnswerAdmission answerAdmission(ChatProperties properties) {
		return new AnswerAdmission(properties.maxAnswersInProgress(), properties.answerWait());
	}

	@Bean
	AnswerSettings answerSettings(ChatProperties properties) {
		return new AnswerSettings(properties.minSimilarity(), properties.maxSentences(), properties.overlapWeight(),
				properties.rankWeight(), properties.sentenceCache(), properties.quoteFirstSource());
	}

	@Bean
	Conversations conversations(ChatSessions sessions, MessageStore messages, Retriever retriever,
			AnswerGenerator generator, ObjectProvider<ChatModel> chatModel, ChatProperties properties, Clock clock,
			DocumentPages pages, MediaLibrary media, QueryShaper shaper, ObjectProvider<Reranking> reranking,
			ChunkIndex index, ObjectProvider<MeterRegistry> meters) {
		ChatModel model = chatModel.getIfAvailable();
		QueryRewriter rewriter = (model != null) ? new CompressingQueryRewriter(model) : QueryRewriter.heuristic();
		Conversations.Steps steps = new Conversations.Steps(media, rewriter, shaper, retriever,
				reranking.getIfAvailable(Reranking::off),
				new Grounding(retriever, properties.questionTerms(), properties.names()),
				(properties.pageContext() > 0) ? new PageContext(index, properties.pageContext()) : null, generator,
				new Citations(pages));
		return new Conversations(steps, sessions, messages, properties, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	OneOffAnswers oneOffAnswers(ChatSessions sessions, Conversations conversations, MessageStore messages,
			Clock clock) {
		return new OneOffAnswers(sessions, conversations, messages, clock);
	}

}
