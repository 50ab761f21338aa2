package dev.ragchat.ingestion.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.DocumentStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents and jobs in the embedded SQL catalog.
 */
final class JdbcDocumentStore implements DocumentStore {

	private static final ObjectMapper json = new ObjectMapper();

	/**
	 * What the main workers may take: a queued document, among them those the quick lane
	 * handed back (QUEUED again and marked large: they wait in line, no worker has them).
	 * A handed-back document of an older catalog may still be PARSING, leased to nobody.
	 */
	private static final String HANDED_BACK_OR_QUEUED = "(status = 'QUEUED' or (status = 'PARSING' and large"
			+ " and lease_owner is null))";

	/** How many documents of the queue's head a claim tries (others may take some). */
	private static final int CLAIMED_AMONG = 5;

	/** How many ids one query asks about (a statement's parameters are bounded). */
	private static final int IDS_A_QUERY = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JdbcDocumentPages pages;

	JdbcDocumentStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.pages = new JdbcDocumentPages(jdbc);
	}

	@Override
	public Document insert(Document d, String idempotencyKey, String requestHash) {
		while (true) {
			try {
				this.jdbc.sql("""
						insert into document (id, knowledge_base, filename, filename_key, media_type, size_bytes,
							sha256, live_sha256, status, warnings, attempts, metadata, idempotency_key, request_hash,
							created_at, updated_at, version_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""")
					.params(d.id(), d.knowledgeBase(), d.filename(), DocumentQuery.nameKey(d.filename()), d.mediaType(),
							d.sizeBytes(), d.sha256(), (d.status() != DocumentStatus.FAILED) ? d.sha256() : null,
							d.status().name(), toJson(Document.boundedWarnings(d.warnings())), d.metadata(),
							idempotencyKey, requestHash, Jdbc.time(d.createdAt()), Jdbc.time(d.createdAt()),
							Jdbc.time(d.updatedAt()))
					.update();
				return d;
			}
			catch (DuplicateKeyException ex) {
				Optional<Document> live = findLiveBySha256(d.knowledgeBase(), d.sha256());
				if (live.isPresent()) {
					return live.get();
				}
				// the live one failed or went in between: try again
			}
		}
	}

	@Override
	public String claimIdempotencyKey(String knowledgeBase, String idempotencyKey, String requestHash) {
		while (true) {
			Optional<String> held = this.jdbc
				.sql("select request_hash from idempotency_key where knowledge_base = ? and idempotency_key = ?")
				.params(knowledgeBase, idempotencyKey)
				.query(String.class)
				.optional();
			if (held.isPresent()) {
				return held.get();
			}
			try {
				this.jdbc
					.sql("insert into idempotency_key (knowledge_base, idempotency_key, request_hash, created_at)"
							+ " values (?, ?, ?, ?)")
					.params(knowledgeBase, idempotencyKey, requestHash, Jdbc.time(Instant.now()))
					.update();
				return requestHash;
			}
			catch (DuplicateKeyException ex) {
				// another request claimed it in between: read whose it is
			}
		}
	}

	@Override
	public void deleteIdempotencyKeys(String knowledgeBase) {
		this.jdbc.sql("delete from idempotency_key where knowledge_base = ?").param(knowledgeBase).update();
	}

	@Override
	public Optional<Document> findById(String id) {
		return this.jdbc.sql("select * from document where id = ?").param(id).query(JdbcDocumentStore::map).optional();
	}

	@Override
	public List<Document> findByKnowledgeBase(String knowledgeBase) {
		return this.jdbc.sql("select * from document where knowledge_base = ? order by created_at, id")
			.param(knowledgeBase)
			.query(JdbcDocumentStore::map)
			.list();
	}

	@Override
	public Set<String> findUnfinished(String knowledgeBase, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<String> unfinished = new HashSet<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += IDS_A_QUERY) {
			unfinished.addAll(this.jdbc
				.sql("select id from document where knowledge_base = :kb and id in (:ids)"
						+ " and status not in ('READY', 'FAILED')")
				.param("kb", knowledgeBase)
				.param("ids", all.subList(from, Math.min(all.size(), from + IDS_A_QUERY)))
				.query(String.class)
				.list());
		}
		return unfinished;
	}

	@Override
	public DocumentQuery.Page findPage(String knowledgeBase, DocumentQuery query) {
		return this.pages.find(knowledgeBase, query);
	}

	@Override
	public List<Document> findBySha256(String knowledgeBase, String sha256) {
		return this.jdbc.sql("select * from document where knowledge_base = ? and sha256 = ? order by created_at, id")
			.params(knowledgeBase, sha256)
			.query(JdbcDocumentStore::map)
			.list();
	}

	@Override
	public List<Document> activeBetween(Instant from, Instant to) {
		return this.jdbc
			.sql("select * from document where (created_at >= ? and created_at < ?)"
					+ " or (ready_at >= ? and ready_at < ?) order by created_at, id")
			.params(Jdbc.time(from), Jdbc.time(to), Jdbc.time(from), Jdbc.time(to))
			.query(JdbcDocumentStore::map)
			.list();
	}

	@Override
	public Optional<Document> findLiveBySha256(String knowledgeBase, String sha256) {
		return this.jdbc
			.sql("select * from document where knowledge_base = ? and sha256 = ? and status <> 'FAILED'"
					+ " order by created_at limit 1")
			.params(knowledgeBase, sha256)
			.query(JdbcDocumentStore::map)
			.optional();
	}

	@Override
	public List<KeyedDocument> findByIdempotencyKey(String knowledgeBase, String idempotencyKey) {
		return this.jdbc
			.sql("select * from document where knowledge_base = ? and idempotency_key = ? order by created_at, id")
			.params(knowledgeBase, idempotencyKey)
			.query((rs, row) -> new KeyedDocument(map(rs, row), rs.getString("request_hash")))
			.list();
	}

	@Override
	public Optional<Document> claimNext(String owner, Instant leaseUntil, boolean smallOnly) {
		return this.transactions.execute((status) -> {
			for (String id : claimable(smallOnly)) {
				int claimed = this.jdbc.sql("""
						update document set status = 'PARSING', attempts = attempts + 1, lease_owner = ?,
							lease_until = ?, updated_at = ? where id = ? and\s""" + HANDED_BACK_OR_QUEUED)
					.params(owner, Jdbc.time(leaseUntil), Jdbc.time(Instant.now()), id)
					.update();
				if (claimed == 1) {
					return findById(id);
				}
			}
			return Optional.empty();
		});
	}

	/**
	 * The first few documents a worker may claim, documents not tried yet first (one
	 * whose attempts keep breaking never holds up the others): the queued ones and, for
	 * the main workers, those the quick lane handed back under an older version (PARSING,
	 * large, leased to nobody). Each lane is its own query, ordered as the claim index
	 * ({@code document_claim}: status, attempts, created_at, id) is, so that the catalog
	 * reads the head of the queue and stops: one query joining both lanes with "or" read
	 * every document of the catalog at each claim, which made filling a knowledge base
	 * grow with the square of its queue (100,000 queued files: 2.5 documents a second).
	 */
	private List<String> claimable(boolean smallOnly) {
		List<Claimable> found = new ArrayList<>(
				claimable(smallOnly ? "status = 'QUEUED' and not large" : "status = 'QUEUED'"));
		if (!smallOnly) {
			found.addAll(claimable("status = 'PARSING' and large and lease_owner is null"));
		}
		return found.stream()
			.sorted(java.util.Comparator.comparingInt(Claimable::attempts)
				.thenComparing(Claimable::createdAt)
				.thenComparing(Claimable::id))
			.limit(CLAIMED_AMONG)
			.map(Claimable::id)
			.toList();
	}

	private List<Claimable> claimable(String lane) {
		return this.jdbc.sql(claimQuery(lane))
			.query((rs, row) -> new Claimable(rs.getInt("attempts"), Jdbc.instant(rs, "created_at"),
					rs.getString("id")))
			.list();
	}

	/**
	 * The query of the head of one lane of the queue (a condition), in the index's order.
	 */
	static String claimQuery(String lane) {
		return "select id, attempts, created_at from document where " + lane
				+ " order by status, attempts, created_at, id limit " + CLAIMED_AMONG;
	}

	@Override
	public boolean heartbeat(String id, String owner, Instant leaseUntil) {
		return this.jdbc
			.sql("update document set lease_until = ? where id = ? and lease_owner = ?"
					+ " and status in ('PARSING', 'EMBEDDING')")
			.params(Jdbc.time(leaseUntil), id, owner)
			.update() == 1;
	}

	@Override
	public boolean progress(String id, DocumentStatus status, Document.Progress p) {
		return this.jdbc.sql("""
				update document set status = ?, pages_done = ?, pages_total = ?, chunks_done = ?, chunks_total = ?,
					updated_at = ? where id = ?""")
			.params(status.name(), p.pagesDone(), p.pagesTotal(), p.chunksDone(), p.chunksTotal(),
					Jdbc.time(Instant.now()), id)
			.update() == 1;
	}

	@Override
	public void handBack(String id) {
		this.jdbc.sql("""
				update document set status = 'QUEUED', large = true, attempts = attempts - 1, pages_done = 0,
					pages_total = 0, chunks_done = 0, chunks_total = 0, lease_owner = null, lease_until = null,
					updated_at = ? where id = ?""").params(Jdbc.time(Instant.now()), id).update();
	}

	@Override
	public void ready(String id, Document.Progress p, List<String> warnings, Instant readyAt) {
		this.jdbc.sql("""
				update document set status = 'READY', pages_done = ?, pages_total = ?, chunks_done = ?,
					chunks_total = ?, warnings = ?, error = null, lease_owner = null, lease_until = null,
					ready_at = ?, updated_at = ? where id = ?""")
			.params(p.pagesDone(), p.pagesTotal(), p.chunksDone(), p.chunksTotal(),
					toJson(Document.boundedWarnings(warnings)), Jdbc.time(readyAt), Jdbc.time(readyAt), id)
			.update();
	}

	@Override
	public void failed(String id, String error, List<String> warnings) {
		this.jdbc.sql("""
				update document set status = 'FAILED', live_sha256 = null, error = ?, warnings = ?, chunks_done = 0,
					lease_owner = null, lease_until = null, updated_at = ? where id = ?""")
			.params(truncate(error, 2000), toJson(Document.boundedWarnings(warnings)), Jdbc.time(Instant.now()), id)
			.update();
	}

	@Override
	public List<Document> expiredLeases(Instant now) {
		return this.jdbc.sql("select * from document where status in ('PARSING', 'EMBEDDING') and lease_until < ?")
			.param(Jdbc.time(now))
			.query(JdbcDocumentStore::map)
			.list();
	}

	@Override
	public void requeue(String id) {
		this.jdbc.sql("""
				update document set status = 'QUEUED', pages_done = 0, chunks_done = 0, lease_owner = null,
					lease_until = null, updated_at = ? where id = ?""").params(Jdbc.time(Instant.now()), id).update();
	}

	@Override
	public boolean delete(String id) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			this.jdbc.sql("delete from document_version where document_id = ?").param(id).update();
			return this.jdbc.sql("delete from document where id = ?").param(id).update() > 0;
		}));
	}

	@Override
	public boolean replace(Document next) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<Document> current = this.jdbc.sql("select * from document where id = ? for update")
				.param(next.id())
				.query(JdbcDocumentStore::map)
				.optional();
			if (current.isEmpty() || current.get().version() != next.version() - 1
					|| (current.get().status() != DocumentStatus.READY
							&& current.get().status() != DocumentStatus.FAILED)) {
				return false;
			}
			Document d = current.get();
			this.jdbc.sql("""
					insert into document_version (document_id, version, filename, media_type, size_bytes, sha256,
						metadata, created_at, ready_at, superseded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(d.id(), d.version(), d.filename(), d.mediaType(), d.sizeBytes(), d.sha256(), d.metadata(),
						Jdbc.time(d.updatedAt()), (d.readyAt() != null) ? Jdbc.time(d.readyAt()) : null,
						Jdbc.time(next.updatedAt()))
				.update();
			this.jdbc.sql("""
					update document set filename = ?, filename_key = ?, media_type = ?, size_bytes = ?, sha256 = ?,
						live_sha256 = ?, metadata = ?, version = ?, version_at = ?, status = 'QUEUED', pages_done = 0,
						pages_total = 0, chunks_done = 0, chunks_total = 0, warnings = '[]', error = null, attempts = 0,
						large = false, ready_at = null, lease_owner = null, lease_until = null, updated_at = ?
						where id = ?""")
				.params(next.filename(), DocumentQuery.nameKey(next.filename()), next.mediaType(), next.sizeBytes(),
						next.sha256(), next.sha256(), next.metadata(), next.version(), Jdbc.time(next.updatedAt()),
						Jdbc.time(next.updatedAt()), next.id())
				.update();
			return true;
		}));
	}

	@Override
	public List<Document.Version> versions(String id) {
		return this.jdbc.sql("select * from document_version where document_id = ? order by version")
			.param(id)
			.query((rs, row) -> new Document.Version(rs.getString("document_id"), rs.getInt("version"),
					rs.getString("filename"), rs.getString("media_type"), rs.getLong("size_bytes"),
					rs.getString("sha256"), rs.getString("metadata"), Jdbc.instant(rs, "created_at"),
					Jdbc.instant(rs, "ready_at"), Jdbc.instant(rs, "superseded_at")))
			.list();
	}

	static Document map(ResultSet rs, int row) throws SQLException {
		return new Document(rs.getString("id"), rs.getString("knowledge_base"), rs.getString("filename"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				DocumentStatus.valueOf(rs.getString("status")),
				new Document.Progress(rs.getInt("pages_done"), rs.getInt("pages_total"), rs.getInt("chunks_done"),
						rs.getInt("chunks_total")),
				fromJson(rs.getString("warnings")), rs.getString("error"), rs.getInt("attempts"),
				rs.getString("metadata"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "ready_at"),
				rs.getInt("version"), (rs.getTimestamp("version_at") != null) ? Jdbc.instant(rs, "version_at")
						: Jdbc.instant(rs, "created_at"));
	}

	private static String toJson(List<String> warnings) {
		try {
			return json.writeValueAsString(warnings);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> fromJson(String warnings) {
		try {
			return (warnings != null) ? json.readValue(warnings, new TypeReference<List<String>>() {
			}) : List.of();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	/** A document a worker may claim. */
	private record Claimable(int attempts, Instant createdAt, String id) {
	}

}
