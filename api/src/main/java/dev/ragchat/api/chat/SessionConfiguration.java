package dev.ragchat.api.chat;

import java.time.Clock;

import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.answer.AnswerEngine;
import dev.ragchat.api.answer.cite.Citations;
import dev.ragchat.api.answer.generate.AnswerGenerator;
import dev.ragchat.api.answer.generate.AnswerSettings;
import dev.ragchat.api.answer.ground.Grounding;
import dev.ragchat.api.answer.judge.Judge;
import dev.ragchat.api.answer.judge.RulesJudge;
import dev.ragchat.api.answer.judge.SimilarityFloor;
import dev.ragchat.api.answer.judge.SourcesJudge;
import dev.ragchat.api.answer.query.CompressingQueryRewriter;
import dev.ragchat.api.answer.query.QueryRewriter;
import dev.ragchat.api.answer.search.Search;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.PageContext;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class SessionConfiguration {

	/** How many chunks a name the sources do not speak of adds (the ground step). */
	static final int NAMED_SOURCES = 2;

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
	Search search(QueryShaper shaper, Retriever retriever, ObjectProvider<Reranking> reranking) {
		return new Search(shaper, retriever, reranking.getIfAvailable(Reranking::off));
	}

	/**
	 * The answer engine, its judge chosen with the generator: a language model judges the
	 * sources itself after the similarity floor; the extract is judged by the ground
	 * step's rules. The search's own verdict (nothing found, nothing at the reranker's
	 * least score) comes first either way.
	 */
	@Bean
	AnswerEngine answerEngine(Search search, AnswerGenerator generator, ObjectProvider<ChatModel> chatModel,
			ChatProperties properties, DocumentPages pages, ChunkIndex index, EmbeddingModel embeddingModel,
			QueryEmbedder queryEmbedder) {
		ChatModel model = chatModel.getIfAvailable();
		QueryRewriter rewriter = (model != null) ? new CompressingQueryRewriter(model) : QueryRewriter.heuristic();
		Judge judge = new SourcesJudge().then(generator.judgesSources()
				? new SimilarityFloor(embeddingModel, queryEmbedder, properties.minSimilarity())
				: new RulesJudge(new Grounding(search, properties.questionTerms(), properties.names()), NAMED_SOURCES));
		return new AnswerEngine(new AnswerEngine.Stages(rewriter, search, judge,
				(properties.pageContext() > 0) ? new PageContext(index, properties.pageContext()) : null, generator,
				new Citations(pages)));
	}

	@Bean
	Conversations conversations(AnswerEngine engine, MediaLibrary media, ChatSessions sessions, MessageStore messages,
			ChatProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
		return new Conversations(engine, media, sessions, messages, properties, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

}
