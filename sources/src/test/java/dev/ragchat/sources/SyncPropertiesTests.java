package dev.ragchat.sources;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SyncPropertiesTests {

	@Test
	void theSchedulesAreCheckedEvery30SecondsUnlessSetOtherwise() {
		assertThat(bind(Map.of()).checkInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(bind(Map.of("ragchat.sync.check-interval", "2m")).checkInterval()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void aCheckIntervalShorterThanJobRunrAllowsIsRefusedNamingTheSetting() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("ragchat.sync.check-interval", "1s")))
			.havingRootCause()
			.withMessage("ragchat.sync.check-interval must be at least 5s");
	}

	private static SyncProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("ragchat.sync",
				Bindable.of(SyncProperties.class));
	}

}
