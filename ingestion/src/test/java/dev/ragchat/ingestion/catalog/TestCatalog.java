package dev.ragchat.ingestion.catalog;

import java.util.UUID;

import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.KnowledgeBaseStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, migrated in-memory embedded catalog for store adapter tests.
 */
public final class TestCatalog {

	final JdbcClient jdbc;

	final TransactionTemplate transactions;

	public TestCatalog() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * @return the knowledge-base store on this catalog
	 */
	public KnowledgeBaseStore knowledgeBases() {
		return new JdbcKnowledgeBaseStore(this.jdbc);
	}

	/**
	 * @return a client on this catalog, for the other stores kept in it
	 */
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * @return transactions on this catalog, for the other stores kept in it
	 */
	public TransactionTemplate transactions() {
		return this.transactions;
	}

	/**
	 * @return the document store on this catalog
	 */
	public DocumentStore documents() {
		return new JdbcDocumentStore(this.jdbc, this.transactions);
	}

}
