package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

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
	IndexEmbedding indexEmbedding(RetrievalProperties properties, BgeSmallEmbeddingModel bgeSmall,
			QueryEmbedder bgeSmallQueries) {
		RetrievalProperties.Embedding settings = properties.embedding();
		return switch (settings.provider()) {
			case "vertex" -> GeminiEmbeddings.vertex(settings, GeminiEmbeddings::applicationDefaultCredentials);
			case "gemini" -> GeminiEmbeddings.geminiApi(settings);
			default ->
				// the index embeds passages in bulk, behind queries
				new IndexEmbedding(BgeSmallEmbeddingModel.NAME, bgeSmall.bulk(), bgeSmall.dimensions(),
						bgeSmallQueries);
		};
	}

	@Bean
	ChunkIndex chunkIndex(RetrievalProperties properties, IndexEmbedding embedding, ObjectProvider<MongoTemplate> mongo,
			@Value("${ragchat.data-dir:./data}") Path dataDir) {
		if (properties.index().equals("atlas")) {
			MongoTemplate template = mongo.getIfAvailable();
			if (template == null) {
				throw new IllegalStateException(
						"ragchat.retrieval.index=atlas needs MongoDB: set spring.data.mongodb.uri"
								+ " (SPRING_DATA_MONGODB_URI) to an Atlas cluster or Atlas local");
			}
			AtlasChunkIndex index = new AtlasChunkIndex(template, embedding, properties.atlas(),
					Math.max(32, properties.embeddingBatch()));
			index.initialize();
			return index;
		}
		Path directory = (properties.indexDir() != null) ? properties.indexDir() : dataDir.resolve("index");
		String queryInstruction = embedding.name().equals(BgeSmallEmbeddingModel.NAME)
				? BgeSmallEmbeddingModel.QUERY_INSTRUCTION : "";
		// the index hands the model at least 32 texts at a time, which it spreads over
		// its
		// runs
		return new LuceneChunkIndex(directory, embedding.model(), embedding.name(), queryInstruction,
				Math.max(32, properties.embeddingBatch()), properties.indexSettings());
	}

	@Bean
	VectorStore vectorStore(ChunkIndex chunkIndex) {
		return (chunkIndex instanceof AtlasChunkIndex atlas) ? atlas.vectorStore()
				: new LuceneVectorStore((LuceneChunkIndex) chunkIndex);
	}

	@Bean
	Retriever retriever(ChunkIndex chunkIndex, RetrievalProperties properties) {
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
