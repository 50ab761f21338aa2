package dev.ragchat.ingestion.jobs;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import dev.ragchat.ingestion.catalog.CatalogProperties.Store;
import dev.ragchat.ingestion.catalog.ConditionalOnCatalog;
import org.jobrunr.jobs.filters.JobFilter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.JobActivatorShutdownException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

import org.springframework.beans.factory.BeanCreationNotAllowedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * JobRunr on the catalog's store, one nested configuration per backend on the catalog's
 * own condition ({@link ConditionalOnCatalog}): its SQL storage on the catalog's
 * datasource, its MongoDB storage on the catalog's client and database. Each creates its
 * tables or collections ({@code jobrunr_jobs}, {@code jobrunr_background_job_servers}...)
 * on first start.
 * <p>
 * Wired here by hand, not by JobRunr's Spring Boot starter: Maven Central's
 * {@code jobrunr-spring-boot-3-starter} stops at 8.4.2 (8.7's is for Spring Boot 4 only),
 * and the starter would pick a storage by which client beans exist, where the Atlas index
 * brings a MongoDB client beside the embedded catalog. Its dashboard is not served.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

	/** The prefix of JobRunr's collections in the catalog's MongoDB database. */
	static final String PREFIX = "jobrunr_";

	/**
	 * JobRunr's own Jackson mapper (jobs are written with their classes' names, apart
	 * from the application's JSON).
	 */
	@Bean
	JsonMapper jobRunrJsonMapper() {
		return new JacksonJsonMapper();
	}

	@Bean
	JobMapper jobMapper(JsonMapper jobRunrJsonMapper) {
		return new JobMapper(jobRunrJsonMapper);
	}

	@Bean
	JobRequestScheduler jobRequestScheduler(StorageProvider jobStorage) {
		return new JobRequestScheduler(jobStorage, List.of());
	}

	/**
	 * This process's job server: its workers, its poll interval, JobRunr's default
	 * filters (a failed or orphaned job is retried, 10 times unless the job names its own
	 * number) and every {@link JobFilter} bean, through which a feature follows its jobs'
	 * states.
	 */
	@Bean
	BackgroundJobServer backgroundJobServer(StorageProvider jobStorage, JsonMapper jobRunrJsonMapper,
			ApplicationContext context, JobsProperties properties, ObjectProvider<JobFilter> filters) {
		BackgroundJobServer server = new BackgroundJobServer(jobStorage, jobRunrJsonMapper, activator(context),
				BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
					.andWorkerCount(properties.workers())
					.andPollInterval(properties.pollInterval()));
		server.setJobFilters(filters.orderedStream().toList());
		return server;
	}

	/**
	 * Starts the job server once every bean is made, stops it first when the service
	 * stops (its running jobs are interrupted and retried later, by this process when it
	 * starts again or by another).
	 */
	@Bean
	SmartLifecycle backgroundJobServerLifecycle(BackgroundJobServer server) {
		AtomicBoolean running = new AtomicBoolean();
		return new SmartLifecycle() {

			@Override
			public void start() {
				server.start();
				running.set(true);
			}

			@Override
			public void stop() {
				running.set(false);
				server.stop();
			}

			@Override
			public boolean isRunning() {
				return running.get();
			}

		};
	}

	/**
	 * A job's handler is the application's bean of its type.
	 */
	private static JobActivator activator(ApplicationContext context) {
		return new JobActivator() {

			@Override
			public <T> T activateJob(Class<T> type) {
				try {
					return context.getBean(type);
				}
				catch (BeanCreationNotAllowedException ex) {
					throw new JobActivatorShutdownException("The service is stopping", ex);
				}
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnCatalog(Store.EMBEDDED)
	static class Embedded {

		@Bean(destroyMethod = "close")
		StorageProvider jobStorage(DataSource catalog, JobMapper mapper) {
			StorageProvider storage = SqlStorageProviderFactory.using(catalog, null, DatabaseOptions.CREATE);
			storage.setJobMapper(mapper);
			return storage;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnCatalog(Store.MONGODB)
	static class Mongo {

		@Bean(destroyMethod = "close")
		StorageProvider jobStorage(MongoClient client, MongoTemplate catalog, JobMapper mapper) {
			// named as the SQL tables are (JobRunr's own are jobs, metadata,
			// migrations...)
			StorageProvider storage = new MongoDBStorageProvider(client, catalog.getDb().getName(), PREFIX,
					DatabaseOptions.CREATE);
			storage.setJobMapper(mapper);
			return storage;
		}

	}

}
