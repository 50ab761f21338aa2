package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.DocumentStore.Page;

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
	 * The status order, one status at a time in {@link DocumentStatus}'s order (reversed
	 * when descending), each in upload order off {@code document_list_status}: a count a
	 * status to find where the offset falls, then the rows of the page. Sorted as one
	 * query by the status's place, the catalog read and sorted every document of the
	 * knowledge base for each page (1.1 s for a middle page of 100,000).
	 */
	private List<Document> byStatus(String where, List<Object> params, DocumentQuery query) {
		List<DocumentStatus> statuses = new ArrayList<>(List.of(DocumentStatus.values()));
		if (query.descending()) {
			Collections.reverse(statuses);
		}
		List<Document> page = new ArrayList<>();
		long skip = query.offset();
		for (DocumentStatus status : statuses) {
			if (query.limit() != null && page.size() >= query.limit()) {
				break;
			}
			List<Object> ofStatus = new ArrayList<>(params);
			ofStatus.add(status.name());
			String filter = where + " and status = ?";
			long count = this.jdbc.sql("select count(*) from document where " + filter)
				.params(ofStatus)
				.query(Long.class)
				.single();
			if (skip >= count) {
				skip -= count;
				continue;
			}
			page.addAll(read("select * from document where " + filter + " order by " + STATUS_ORDER, ofStatus, skip,
					(query.limit() != null) ? query.limit() - page.size() : null));
			skip = 0;
		}
		return page;
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
		Set<String> queued = page.stream()
			.filter((d) -> d.status() == DocumentStatus.QUEUED)
			.map(Document::id)
			.collect(Collectors.toSet());
		if (queued.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(QUEUE_IN_UPLOAD_ORDER)
			.param(knowledgeBase)
			.query((ResultSetExtractor<Map<String, Integer>>) (rs) -> {
				Map<String, Integer> places = new HashMap<>();
				for (int place = 1; places.size() < queued.size() && rs.next(); place++) {
					String id = rs.getString(1);
					if (queued.contains(id)) {
						places.put(id, place);
					}
				}
				return places;
			});
	}

}
