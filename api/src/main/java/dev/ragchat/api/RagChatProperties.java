package dev.ragchat.api;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ragchat keeps its embedded index, catalog, blobs and generated secrets.
 *
 * @param dataDir the data directory ({@code RAGCHAT_DATA_DIR})
 */
@ConfigurationProperties("ragchat")
public record RagChatProperties(@DefaultValue("./data") Path dataDir) {

	public RagChatProperties {
		dataDir = dataDir.toAbsolutePath().normalize();
	}

}
