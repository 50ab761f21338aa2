package dev.ragchat.ingestion;

import java.nio.file.Path;
import java.time.Clock;

import dev.ragchat.ingestion.archive.ArchiveLimits;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.DocumentReader;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;
import dev.ragchat.ingestion.reading.pdf.PdfReader;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.embedding.TokenCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingestion front over whichever catalog and blob store their configurations chose.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestionProperties.class, ArchiveLimits.class })
class IngestionConfiguration {

	@Bean
	IngestionWorkers ingestionWorkers(DocumentStore store, BlobStore blobs, ChunkIndex index, TokenCounter tokens,
			IngestionProperties properties, ArchiveLimits archives, Clock clock,
			@Value("${ragchat.data-dir:./data}") Path dataDir, ObjectProvider<MeterRegistry> meters) {
		Path workDir = dataDir.toAbsolutePath().normalize().resolve("work");
		Ocr ocr = new Ocr(properties.ocrCommand(), properties.ocrLanguage(), properties.ocrTimeout());
		DocumentReader reader = new DocumentReader(ocr, new PdfReader(ocr, properties.maxPages(), workDir),
				properties.maxText().toBytes(), archives);
		Chunker chunker = new Chunker(tokens, properties.chunkTokens(), properties.chunkOverlapTokens());
		return new IngestionWorkers(store, blobs, reader, chunker, index, properties, clock, workDir,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	KnowledgeBases knowledgeBases(KnowledgeBaseStore store, DocumentStore documents, BlobStore blobs, ChunkIndex index,
			Clock clock, IngestionWorkers workers) {
		KnowledgeBases knowledgeBases = new KnowledgeBases(store, documents, blobs, index, clock, workers::cancel);
		knowledgeBases.ensureDefault();
		return knowledgeBases;
	}

	@Bean
	Documents documents(KnowledgeBases knowledgeBases, DocumentStore store, BlobStore blobs, ChunkIndex index,
			IngestionWorkers workers, Clock clock) {
		return new Documents(knowledgeBases, store, blobs, new MediaTypes(), index, workers, clock);
	}

	@Bean
	DocumentPages documentPages(Documents documents, BlobStore blobs, IngestionProperties properties,
			@Value("${ragchat.data-dir:./data}") Path dataDir) {
		Path data = dataDir.toAbsolutePath().normalize();
		return new DocumentPages(documents, blobs, data.resolve("pages"), data.resolve("work"), properties.previewDpi(),
				properties.previewMaxEdge());
	}

}
