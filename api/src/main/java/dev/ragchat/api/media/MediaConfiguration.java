package dev.ragchat.api.media;

import java.nio.file.Path;
import java.time.Clock;

import dev.ragchat.ingestion.BlobStore;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.IngestionProperties;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaConfiguration {

	@Bean
	MediaLibrary mediaLibrary(MediaStore store, BlobStore blobs, IngestionProperties ingestion,
			MediaProperties properties, Clock clock, @Value("${ragchat.data-dir:./data}") Path dataDir) {
		// the same Tesseract settings as ingestion's
		Ocr ocr = new Ocr(ingestion.ocrCommand(), ingestion.ocrLanguage(), ingestion.ocrTimeout());
		return new MediaLibrary(store, blobs, new MediaTypes(), ocr, properties, clock,
				dataDir.toAbsolutePath().normalize().resolve("work"));
	}

	@Bean
	Extractions extractions(ExtractionStore store, MediaLibrary media, Documents documents,
			ObjectProvider<ChatModel> chatModel, MediaProperties properties, Clock clock) {
		return new Extractions(store, media, documents, chatModel.getIfAvailable(), properties, clock);
	}

}
