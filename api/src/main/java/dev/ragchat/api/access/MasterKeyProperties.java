package dev.ragchat.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key.
 *
 * @param masterKey {@code RAGCHAT_MASTER_KEY}; when unset, one is generated into the data
 * directory
 */
@ConfigurationProperties("ragchat")
public record MasterKeyProperties(String masterKey) {

}
