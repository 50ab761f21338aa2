package dev.ragchat.ingestion.jobs;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;

/**
 * JobRunr's SQL storage on a fresh H2 database, as the embedded catalog's.
 */
class JdbcJobStoreTests extends JobStoreTests {

	@Override
	protected StorageProvider createStorage() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return SqlStorageProviderFactory.using(dataSource, null, DatabaseOptions.CREATE);
	}

}
