package dev.ragchat.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size limits on requests (uploads have their own, under
 * {@code spring.servlet.multipart}).
 *
 * @param maxBody the largest non-multipart request body
 */
@ConfigurationProperties("ragchat.limits")
public record RequestLimitProperties(@DefaultValue("256KB") DataSize maxBody) {

}
