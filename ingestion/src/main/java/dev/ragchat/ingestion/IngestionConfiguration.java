package dev.ragchat.ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.TokenCounter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestionProperties.class)
class IngestionConfiguration {

	@Bean
	KnowledgeBaseStore knowledgeBaseStore(JdbcClient jdbc) {
		return new JdbcKnowledgeBaseStore(jdbc);
	}

	@Bean
	DocumentStore documentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new JdbcDocumentStore(jdbc, new TransactionTemplate(transactions));
	}

	@Bean
	BlobStore blobStore(IngestionProperties properties, @Value("${ragchat.data-dir:./data}") Path dataDir)
			throws IOException {
		return new LocalBlobStore((properties.blobDir() != null) ? properties.blobDir() : dataDir.resolve("blobs"));
	}

	@Bean
	IngestionWorkers ingestionWorkers(DocumentStore store, BlobStore blobs, ChunkIndex index, TokenCounter tokens,
			IngestionProperties properties, Clock clock) {
		Ocr ocr = new Ocr(properties.ocrCommand(), properties.ocrLanguage(), properties.ocrTimeout());
		DocumentReader reader = new DocumentReader(ocr, properties.maxPages(), properties.maxText().toBytes());
		Chunker chunker = new Chunker(tokens, properties.chunkTokens(), properties.chunkOverlapTokens());
		return new IngestionWorkers(store, blobs, reader, chunker, index, properties, clock);
	}

	@Bean
	KnowledgeBases knowledgeBases(KnowledgeBaseStore store, DocumentStore documents, BlobStore blobs, ChunkIndex index,
			Clock clock) {
		KnowledgeBases knowledgeBases = new KnowledgeBases(store, documents, blobs, index, clock);
		knowledgeBases.ensureDefault();
		return knowledgeBases;
	}

	@Bean
	Documents documents(KnowledgeBases knowledgeBases, DocumentStore store, BlobStore blobs, ChunkIndex index,
			IngestionWorkers workers, Clock clock) {
		return new Documents(knowledgeBases, store, blobs, new MediaTypes(), index, workers, clock);
	}

}
