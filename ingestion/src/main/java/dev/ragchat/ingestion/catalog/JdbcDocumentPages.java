package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentQuery.Page;
import dev.ragchat.ingestion.DocumentStatus;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The document list of the embedded SQL catalog: one page of a knowledge base's
 * documents, searched by name, sorted and cut by SQL (an index per order), with the
 * queue's places in line ({@link dev.ragchat.ingestion.DocumentStore#findPage}).
 */
final class JdbcDocumentPages {

	/** Documents of one status in upload order, read off {@code document_list_status}. */
	static final String STATUS_ORDER = "knowledge_base, status, created_at, id";

	/**
	 * A knowledge base's queued ids in upload order, read off
	 * {@code document_list_status}.
	 */
	static final String QUEUE_IN_UPLOAD_ORDER = "select id from document where knowledge_base = ?"
			+ " and status = 'QUEUED' order by " + STATUS_ORDER;

	private final JdbcClient jdbc;

	JdbcDocumentPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page find(String knowledgeBase, DocumentQuery query) {
		StringBuilder where = new StringBuilder("knowledge_base = ?");
		List<Object> params = new ArrayList<>(List.of(knowledgeBase));
		if (query.nameContains() != null) {
			where.append(" and filename_key like ? escape '\\'");
			params.add("%" + likeLiteral(query.nameContains()) + "%");
		}
		long total = this.jdbc.sql("select count(*) from document where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Document> documents;
		if (query.offset() >= total) {
			documents = List.of();
		}
		else if (query.order() == DocumentQuery.Order.STATUS) {
			documents = byStatus(where.toString(), params, query);
		}
		else {
			documents = read("select * from document where " + where + " order by " + orderBy(query), params,
					query.offset(), query.limit());
		}
		long queued = this.jdbc.sql("select count(*) from document where knowledge_base = ? and status = 'QUEUED'")
			.param(knowledgeBase)
			.query(Long.class)
			.single();
		return new Page(documents, total, queued, placesInLine(knowledgeBase, documents));
	}

	/**
	 * The status order ({@link DocumentLists#byStatus}), each status off
	 * {@code document_list_status}.
	 */
	private List<Document> byStatus(String where, List<Object> params, DocumentQuery query) {
		String filter = where + " and status = ?";
		return DocumentLists.byStatus(query, new DocumentLists.OfStatus() {

			@Override
			public long count(DocumentStatus status) {
				return JdbcDocumentPages.this.jdbc.sql("select count(*) from document where " + filter)
					.params(withStatus(params, status))
					.query(Long.class)
					.single();
			}

			@Override
			public List<Document> read(DocumentStatus status, long skip, Integer limit) {
				return JdbcDocumentPages.this.read(
						"select * from document where " + filter + " order by " + STATUS_ORDER,
						withStatus(params, status), skip, limit);
			}

		});
	}

	private static List<Object> withStatus(List<Object> params, DocumentStatus status) {
		List<Object> withStatus = new ArrayList<>(params);
		withStatus.add(status.name());
		return withStatus;
	}

	private List<Document> read(String select, List<Object> params, long offset, Integer limit) {
		StringBuilder sql = new StringBuilder(select);
		List<Object> pageParams = new ArrayList<>(params);
		if (limit != null) {
			sql.append(" limit ?");
			pageParams.add(limit);
		}
		if (offset > 0) {
			sql.append(" offset ?");
			pageParams.add(offset);
		}
		return this.jdbc.sql(sql.toString()).params(pageParams).query(JdbcDocumentStore::map).list();
	}

	/**
	 * The key, its direction, then upload order: each order's columns follow the
	 * knowledge base in an index of their own, ascending (V2026.12.8.60_41) and
	 * descending (V2026.12.10.60_15). The knowledge base leads the order too (one value:
	 * it changes nothing) so that H2 reads a page off the index, the rows before the
	 * offset and the page only, instead of sorting them all.
	 */
	static String orderBy(DocumentQuery query) {
		String direction = query.descending() ? " desc" : "";
		String key = switch (query.order()) {
			case UPLOAD, STATUS -> null;
			case NAME -> "filename_key" + direction;
			case DATE -> "version_at" + direction;
			case SIZE -> "size_bytes" + direction;
		};
		return "knowledge_base, " + ((key != null) ? key + ", " : "") + "created_at, id";
	}

	private static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * The places in line of the page's queued documents: one pass over the knowledge
	 * base's queued ids in upload order (read off {@code document_list_status}), which
	 * stops at the last of the page's. Not {@code id in (…)} over a numbered queue: H2
	 * compares each queued row with every id of the list, so a list of all 10,000 queued
	 * documents took 49 s, and more than 100,000 ids pass its parameter limit.
	 */
	private Map<String, Integer> placesInLine(String knowledgeBase, List<Document> page) {
		DocumentLists.Places places = new DocumentLists.Places(page);
		if (places.done()) {
			return Map.of();
		}
		return this.jdbc.sql(QUEUE_IN_UPLOAD_ORDER)
			.param(knowledgeBase)
			.query((ResultSetExtractor<Map<String, Integer>>) (rs) -> {
				while (!places.done() && rs.next()) {
					places.next(rs.getString(1));
				}
				return places.places();
			});
	}

}
