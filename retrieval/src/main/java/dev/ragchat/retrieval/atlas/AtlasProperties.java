package dev.ragchat.retrieval.atlas;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chunk index on MongoDB Atlas.
 *
 * @param collection the collection of chunks
 * @param numCandidates how many nearest neighbours {@code $vectorSearch} considers
 * @param syncTimeout how long a write waits for Atlas Search to make it searchable
 */
@ConfigurationProperties("ragchat.retrieval.atlas")
public record AtlasProperties(@DefaultValue("chunks") String collection, @DefaultValue("200") int numCandidates,
		@DefaultValue("60s") Duration syncTimeout) {

}
