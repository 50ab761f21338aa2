package dev.ragchat.sources;

import java.time.Instant;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When a source syncs by itself: every so many minutes since its last run, or when its
 * cron schedule (UTC) fires after its last run.
 */
class SchedulesTests {

	static final Instant CREATED = Instant.parse("2027-01-01T00:00:00Z");

	@Test
	void aCronScheduleIsDueOnceItFiresAfterTheLastRunOrTheCreation() {
		Source daily = source("0 0 3 * * *", null, null);
		assertThat(SyncSchedules.due(daily, Instant.parse("2027-01-01T02:59:59Z"))).isNull();
		assertThat(SyncSchedules.due(daily, Instant.parse("2027-01-01T03:00:01Z")))
			.isEqualTo(Instant.parse("2027-01-01T03:00:00Z"));
		Source ranAt3 = source("0 0 3 * * *", null, Instant.parse("2027-01-01T03:00:02Z"));
		assertThat(SyncSchedules.due(ranAt3, Instant.parse("2027-01-01T12:00:00Z"))).isNull();
		assertThat(SyncSchedules.due(ranAt3, Instant.parse("2027-01-02T03:00:00Z")))
			.isEqualTo(Instant.parse("2027-01-02T03:00:00Z"));
	}

	@Test
	void anIntervalIsDueThatManyMinutesAfterTheLastRun() {
		Source hourly = source(null, 60, Instant.parse("2027-01-01T10:00:00Z"));
		assertThat(SyncSchedules.due(hourly, Instant.parse("2027-01-01T10:59:00Z"))).isNull();
		assertThat(SyncSchedules.due(hourly, Instant.parse("2027-01-01T11:00:01Z")))
			.isEqualTo(Instant.parse("2027-01-01T10:00:01Z"));
		assertThat(SyncSchedules.due(source(null, null, null), Instant.parse("2030-01-01T00:00:00Z"))).isNull();
	}

	@Test
	void aScheduleMustBeACronExpression() {
		assertThat(SourceRequests.schedule(" @daily ")).isEqualTo("@daily");
		assertThat(SourceRequests.schedule("")).isNull();
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> SourceRequests.schedule("every day"))
			.withMessageContaining("no cron expression")
			.withMessageContaining("0 0 3 * * *");
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> SourceRequests.schedule("0 0 25 * * *"));
	}

	private static Source source(String schedule, Integer interval, Instant lastRunAt) {
		return new Source("src_s", "kb", Source.Type.FOLDER, "/srv/docs", null, null, false, interval, CREATED,
				(lastRunAt != null) ? "run_1" : null, lastRunAt, null, schedule, null);
	}

}
