package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetrievalProperties.class)
class RetrievalConfiguration {

	@Bean
	BgeSmallEmbeddingModel embeddingModel(RetrievalProperties properties) {
		int threads = (properties.embeddingThreads() > 0) ? properties.embeddingThreads()
				: Runtime.getRuntime().availableProcessors();
		return new BgeSmallEmbeddingModel(threads, properties.embeddingBatch());
	}

	@Bean
	LuceneChunkIndex chunkIndex(RetrievalProperties properties, BgeSmallEmbeddingModel embeddingModel,
			@Value("${ragchat.data-dir:./data}") Path dataDir) {
		Path directory = (properties.indexDir() != null) ? properties.indexDir() : dataDir.resolve("index");
		return new LuceneChunkIndex(directory, embeddingModel, BgeSmallEmbeddingModel.NAME,
				BgeSmallEmbeddingModel.QUERY_INSTRUCTION, Math.max(32, properties.embeddingBatch()),
				properties.indexSettings());
	}

	@Bean
	VectorStore vectorStore(LuceneChunkIndex chunkIndex) {
		return new LuceneVectorStore(chunkIndex);
	}

	@Bean
	Retriever retriever(LuceneChunkIndex chunkIndex, RetrievalProperties properties) {
		return new Retriever(chunkIndex, new ReciprocalRankFusionJoiner(properties.hybridK(),
				List.of(properties.vectorWeight(), properties.keywordWeight())), properties.hybridCandidates());
	}

	@Bean
	QueryEmbedder queryEmbedder(BgeSmallEmbeddingModel embeddingModel) {
		return (query) -> embeddingModel.embed(BgeSmallEmbeddingModel.QUERY_INSTRUCTION + query);
	}

	@Bean
	TokenCounter tokenCounter(BgeSmallEmbeddingModel embeddingModel) {
		return embeddingModel::countTokens;
	}

}
