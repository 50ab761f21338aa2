package dev.ragchat;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The ragchat service. It lives in the root package so that it picks up the configuration
 * of every module (api, ingestion, retrieval).
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
