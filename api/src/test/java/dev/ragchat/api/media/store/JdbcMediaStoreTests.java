package dev.ragchat.api.media.store;

import dev.ragchat.api.TestCatalog;
import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.api.media.MediaStore;

import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcMediaStoreTests extends MediaStoreContractTests {

	private JdbcClient jdbc;

	@Override
	protected MediaStore createMediaStore() {
		this.jdbc = TestCatalog.fresh();
		return new JdbcMediaStore(this.jdbc);
	}

	@Override
	protected ExtractionStore createExtractionStore() {
		return new JdbcExtractionStore(this.jdbc);
	}

}
