package dev.ragchat.api;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The ragchat service: HTTPS, keys and session tokens, and (later) ingestion and chat.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class RagChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(RagChatApplication.class, args);
	}

	/**
	 * Millisecond ticks: what the catalogs store is what the API returns.
	 * @return the clock every timestamp comes from
	 */
	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

}
