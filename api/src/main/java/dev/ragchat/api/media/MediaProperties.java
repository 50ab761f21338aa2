package dev.ragchat.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of media uploads and attachments.
 *
 * @param maxImageSize the largest image accepted
 * @param maxAudioSize the largest audio file accepted
 * @param maxAttachments the most media one message may carry
 */
@ConfigurationProperties("ragchat.media")
public record MediaProperties(@DefaultValue("10MB") DataSize maxImageSize, @DefaultValue("20MB") DataSize maxAudioSize,
		@DefaultValue("4") int maxAttachments) {

}
