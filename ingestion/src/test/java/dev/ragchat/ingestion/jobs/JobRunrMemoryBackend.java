package dev.ragchat.ingestion.jobs;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend, with {@code dropIndexes} of {@code "*"} limited
 * to the named collection's indexes. In 1.47.0 (the latest release) it drops every index
 * of the database from the named collection and fails on the first that belongs to
 * another ("index not found with name [name_1_owner_1]"): JobRunr's MongoDB migration
 * M007 does so on its jobs collection beside its metadata collection's index. Fixed on
 * mongo-java-server's main branch (issue 247), not yet released: drop this class when a
 * release has the fix.
 */
public class JobRunrMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {

			@Override
			public Document handleCommand(Channel channel, String command, Document query,
					DatabaseResolver databaseResolver, Oplog oplog) {
				if (!command.equalsIgnoreCase("dropIndexes") || !"*".equals(query.get("index"))) {
					return super.handleCommand(channel, command, query, databaseResolver, oplog);
				}
				MongoCollection<Integer> collection = resolveCollection((String) query.get("dropIndexes"), false);
				if (collection != null) {
					List<Document> own = new ArrayList<>();
					this.indexes.get().handleQuery(new Document("ns", collection.getFullName())).forEach(own::add);
					for (Document index : own) {
						if (!new Document("_id", 1).equals(index.get("key"))) {
							dropIndex(collection, (String) index.get("name"));
							this.indexes.get().deleteDocuments(index, -1);
						}
					}
				}
				Document response = new Document();
				Utils.markOkay(response);
				return response;
			}

		};
	}

}
