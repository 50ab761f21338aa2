package dev.ragchat.answer.engine;

import java.util.List;

import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.EngineSettings;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.Judges;
import dev.ragchat.answer.judge.SimilarityFloor;
import dev.ragchat.answer.query.CompressingQueryRewriter;
import dev.ragchat.answer.query.ConversationReader;
import dev.ragchat.answer.query.QueryRewriter;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.widen.Focus;
import dev.ragchat.answer.widen.PageContext;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one search and the answer engine, with the stages the configuration chooses.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/** How many chunks a name the sources do not speak of adds (the ground step). */
	static final int NAMED_SOURCES = 2;

	@Bean
	KnowledgeBaseSearch search(QueryShaper shaper, Retriever retriever, ObjectProvider<Reranking> reranking) {
		return new KnowledgeBaseSearch(shaper, retriever, reranking.getIfAvailable(Reranking::off));
	}

	/**
	 * The answer engine, its judge chosen with the generator that answers the question
	 * (the engine says which, {@link dev.ragchat.answer.judge.Judged#modelJudges()}): a
	 * language model judges the sources itself after the similarity floor; the extract is
	 * judged by the ground step's rules. The search's own verdict (nothing found, nothing
	 * at the reranker's least score) comes first either way.
	 */
	@Bean
	AnswerEngine answerEngine(KnowledgeBaseSearch search, AnswerGenerator generator,
			ObjectProvider<ChatModel> chatModel, EngineSettings settings, DocumentPages pages, ChunkIndex index,
			EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder) {
		ChatModel model = chatModel.getIfAvailable();
		ConversationReader reader = new ConversationReader(search);
		QueryRewriter rewriter = (model != null) ? new CompressingQueryRewriter(model, reader) : reader;
		Judge floor = new SimilarityFloor(embeddingModel, queryEmbedder, settings.minSimilarity());
		Grounding grounding = new Grounding(search, settings.questionTerms(), settings.names(), NAMED_SOURCES);
		// asked per question: the model may be changed while the service runs, and a chat
		// config may have its own
		Judge judge = Judges.of(floor, settings.names());
		return new StagedAnswerEngine(new StagedAnswerEngine.Stages(rewriter, search, grounding, judge,
				(settings.pageContext() > 0)
						? List.of(new Focus(search), new PageContext(index, settings.pageContext()))
						: List.of(new Focus(search)),
				generator, new Citations(pages)));
	}

}
