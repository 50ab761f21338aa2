package dev.ragchat.api.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.MetadataFilter;

/**
 * A search's {@code filter} object: {@code documentIds} (only these documents), the older
 * {@code metadata} map (each key equal to its value), and a {@link MetadataFilter}
 * ({@code and}, {@code or}, or one {@code {key, op, value}} condition) in the same
 * object; all of them apply.
 *
 * @param documentIds only these documents, or {@code null}
 * @param metadata the filter over the documents' values, or {@code null}
 */
record SearchFilter(List<String> documentIds, MetadataFilter metadata) {

	private static final int MAX_DOCUMENT_IDS = 100;

	private static final int MAX_METADATA = 20;

	static SearchFilter of(Object filter) {
		if (filter == null) {
			return new SearchFilter(null, null);
		}
		if (!(filter instanceof Map<?, ?> map)) {
			throw new RejectedInputException("filter: must be an object");
		}
		Map<Object, Object> rest = new LinkedHashMap<>(map);
		List<String> documentIds = documentIds(rest.remove("documentIds"));
		MetadataFilter exact = MetadataFilter.exact(metadata(rest.remove("metadata")));
		return new SearchFilter(documentIds, MetadataFilter.both(exact, MetadataFilter.parse(rest)));
	}

	private static List<String> documentIds(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list) || list.size() > MAX_DOCUMENT_IDS
				|| !list.stream().allMatch(String.class::isInstance)) {
			throw new RejectedInputException(
					"filter.documentIds: must be an array of at most " + MAX_DOCUMENT_IDS + " document ids");
		}
		List<String> ids = new ArrayList<>();
		list.forEach((id) -> ids.add((String) id));
		return ids;
	}

	private static Map<String, String> metadata(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map) || map.size() > MAX_METADATA) {
			throw new RejectedInputException(
					"filter.metadata: must be an object of at most " + MAX_METADATA + " keys and text values");
		}
		Map<String, String> exact = new LinkedHashMap<>();
		map.forEach((key, text) -> {
			if (!(text instanceof String)) {
				throw new RejectedInputException("filter.metadata." + key + ": must be a text");
			}
			exact.put((String) key, (String) text);
		});
		return exact;
	}

}
