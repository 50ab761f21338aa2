package dev.ragchat.ingestion.catalog;

import java.util.ArrayList;
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

	/**
	 * A knowledge base's queued ids in upload order, read off
	 * {@code document_list_status}.
	 */
	static final String QUEUE_IN_UPLOAD_ORDER = "select id from document where knowledge_base = ?"
			+ " and status = 'QUEUED' order by knowledge_base, status, created_at, id";

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
		StringBuilder select = new StringBuilder("select * from document where ").append(where)
			.append(" order by ")
			.append(orderBy(query));
		List<Object> pageParams = new ArrayList<>(params);
		if (query.limit() != null) {
			select.append(" limit ?");
			pageParams.add(query.limit());
		}
		if (query.offset() > 0) {
			select.append(" offset ?");
			pageParams.add(query.offset());
		}
		List<Document> documents = (query.offset() < total)
				? this.jdbc.sql(select.toString()).params(pageParams).query(JdbcDocumentStore::map).list() : List.of();
		long queued = this.jdbc.sql("select count(*) from document where knowledge_base = ? and status = 'QUEUED'")
			.param(knowledgeBase)
			.query(Long.class)
			.single();
		return new Page(documents, total, queued, placesInLine(knowledgeBase, documents));
	}

	/**
	 * The key, its direction, then upload order: each order's columns follow the
	 * knowledge base in an index of their own (V2026.12.8.60_41). The knowledge base
	 * leads the order too (one value: it changes nothing) so that H2 reads an ascending
	 * page off the index, the rows before the offset and the page only, instead of
	 * sorting them all.
	 */
	private static String orderBy(DocumentQuery query) {
		String direction = query.descending() ? " desc" : "";
		String key = switch (query.order()) {
			case UPLOAD -> null;
			case NAME -> "filename_key" + direction;
			case DATE -> "version_at" + direction;
			case SIZE -> "size_bytes" + direction;
			case STATUS -> statusRank() + direction;
		};
		return "knowledge_base, " + ((key != null) ? key + ", " : "") + "created_at, id";
	}

	/** A status's place in {@link DocumentStatus}, the order a list sorts statuses in. */
	private static String statusRank() {
		StringBuilder rank = new StringBuilder("case status");
		for (DocumentStatus status : DocumentStatus.values()) {
			rank.append(" when '").append(status.name()).append("' then ").append(status.ordinal());
		}
		return rank.append(" end").toString();
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
