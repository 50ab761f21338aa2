package dev.ragchat.ingestion.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JobRunr on each of the catalog's stores, as {@link JobsConfiguration} sets it up: a job
 * handed over is run, and a job left PROCESSING by a process that died is taken over by a
 * live one and run again. Subclasses hand over a fresh storage.
 */
abstract class JobStoreTests {

	static final JacksonJsonMapper json = new JacksonJsonMapper();

	/** What the jobs ran, by name, in order. */
	static final Map<String, List<String>> ran = new ConcurrentHashMap<>();

	StorageProvider storage;

	BackgroundJobServer server;

	String name;

	protected abstract StorageProvider createStorage();

	@BeforeEach
	void freshStorage() {
		this.storage = createStorage();
		this.storage.setJobMapper(new JobMapper(json));
		this.name = UUID.randomUUID().toString();
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop();
		}
		this.storage.close();
	}

	@Test
	void runsAJobHandedOver() {
		new JobRequestScheduler(this.storage, List.of())
			.create(JobBuilder.aJob().withName("greet").withJobRequest(new Greet(this.name, "hello")));
		startServer();
		await().atMost(Duration.ofSeconds(60)).until(() -> ran(this.name).contains("hello"));
	}

	@Test
	void runsAgainAJobWhoseProcessDied() {
		UUID id = UUID.randomUUID();
		new JobRequestScheduler(this.storage, List.of())
			.create(JobBuilder.aJob().withId(id).withName("greet").withJobRequest(new Greet(this.name, "again")));
		// the process that took it died a minute ago: the job stays PROCESSING, not
		// updated
		Job enqueued = this.storage.getJobById(id);
		Instant died = Instant.now().minusSeconds(60);
		this.storage.save(new Job(id, enqueued.getVersion(), enqueued.getJobDetails(),
				List.of(enqueued.getJobState(), new ProcessingState(UUID.randomUUID(), "gone", died, died)),
				new ConcurrentHashMap<>()));
		assertThat(this.storage.getJobById(id).getState()).isEqualTo(StateName.PROCESSING);
		startServer();
		await().atMost(Duration.ofSeconds(60)).until(() -> ran(this.name).contains("again"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.storage.getJobById(id).getState() == StateName.SUCCEEDED);
		assertThat(this.storage.getJobById(id).getJobStates()).extracting((state) -> state.getName())
			.contains(StateName.FAILED, StateName.SCHEDULED, StateName.SUCCEEDED);
	}

	void startServer() {
		JobActivator activator = new JobActivator() {

			@Override
			@SuppressWarnings("unchecked")
			public <T> T activateJob(Class<T> type) {
				return (T) new Greeter();
			}

		};
		this.server = new BackgroundJobServer(this.storage, json, activator,
				BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
					.andWorkerCount(2)
					.andPollInterval(JobsProperties.LEAST_POLL_INTERVAL));
		this.server.start();
	}

	static List<String> ran(String name) {
		return ran.getOrDefault(name, List.of());
	}

	/**
	 * A job that notes a word.
	 *
	 * @param name the test's name
	 * @param word what to note
	 */
	public record Greet(String name, String word) implements JobRequest {

		@Override
		public Class<Greeter> getJobRequestHandler() {
			return Greeter.class;
		}

	}

	/** Notes a job's word. */
	public static class Greeter implements JobRequestHandler<Greet> {

		@Override
		public void run(Greet greet) {
			ran.computeIfAbsent(greet.name(), (key) -> new CopyOnWriteArrayList<>()).add(greet.word());
		}

	}

}
