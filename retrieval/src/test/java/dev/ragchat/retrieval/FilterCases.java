package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ragchat.retrieval.MetadataFilter.Op;

/**
 * The metadata filter cases every index answers alike: four documents with typed values
 * (one holds its year as text), and per operator (and for {@code and}, {@code or},
 * nesting and unknown keys) the documents a filter must find.
 */
public final class FilterCases {

	private FilterCases() {
	}

	/**
	 * @return one chunk per document, all about the same thing, with the documents'
	 * values
	 */
	public static List<Chunk> chunks() {
		return List.of(chunk("doc-a", Map.of("year", 2020, "form", "10-K", "audited", true, "region", "EU")),
				chunk("doc-b", Map.of("year", 2021, "form", "10-Q", "audited", false)),
				chunk("doc-c", Map.of("year", 2023.0, "form", "8-K", "region", "US")),
				chunk("doc-d", Map.of("year", "2022", "form", "10-K")));
	}

	/**
	 * @return the cases
	 */
	public static List<Case> cases() {
		return List.of(new Case("eq number", c("year", Op.EQ, 2021), "doc-b"),
				new Case("eq number written as a decimal", c("year", Op.EQ, 2023), "doc-c"),
				new Case("eq text", c("form", Op.EQ, "10-K"), "doc-a", "doc-d"),
				new Case("eq text is not eq number", c("year", Op.EQ, "2022"), "doc-d"),
				new Case("eq boolean", c("audited", Op.EQ, true), "doc-a"),
				new Case("ne", c("form", Op.NE, "10-K"), "doc-b", "doc-c"),
				new Case("ne skips documents without the key", c("region", Op.NE, "EU"), "doc-c"),
				new Case("gt number skips text", c("year", Op.GT, 2020), "doc-b", "doc-c"),
				new Case("gte", c("year", Op.GTE, 2021), "doc-b", "doc-c"),
				new Case("lt", c("year", Op.LT, 2023), "doc-a", "doc-b"),
				new Case("lte", c("year", Op.LTE, 2021), "doc-a", "doc-b"),
				new Case("gt text by bytes", c("form", Op.GT, "10-K"), "doc-b", "doc-c"),
				new Case("lt text skips numbers", c("year", Op.LT, "3000"), "doc-d"),
				new Case("in", c("form", Op.IN, List.of("10-K", "10-Q")), "doc-a", "doc-b", "doc-d"),
				new Case("in mixed types", c("year", Op.IN, List.of(2020, "2022")), "doc-a", "doc-d"),
				new Case("nin", c("form", Op.NIN, List.of("10-K", "10-Q")), "doc-c"),
				new Case("nin skips documents without the key", c("region", Op.NIN, List.of("EU")), "doc-c"),
				new Case("and",
						new MetadataFilter.And(
								List.of(c("year", Op.GTE, 2021), c("form", Op.IN, List.of("10-K", "10-Q")))),
						"doc-b"),
				new Case("or", new MetadataFilter.Or(List.of(c("region", Op.EQ, "US"), c("audited", Op.EQ, true))),
						"doc-a", "doc-c"),
				new Case("nested",
						new MetadataFilter.And(List.of(
								new MetadataFilter.Or(List.of(c("form", Op.EQ, "10-K"), c("form", Op.EQ, "8-K"))),
								c("year", Op.NE, 2020))),
						"doc-c", "doc-d"),
				new Case("eq unknown key", c("colour", Op.EQ, "red")),
				new Case("ne unknown key", c("colour", Op.NE, "red")),
				new Case("nin unknown key", c("colour", Op.NIN, List.of("red"))),
				new Case("built-in field", c("filename", Op.EQ, "doc-b.pdf"), "doc-b"));
	}

	private static MetadataFilter c(String key, Op op, Object value) {
		return MetadataFilter.of(key, op, value);
	}

	private static Chunk chunk(String document, Map<String, Object> values) {
		Map<String, Object> all = new java.util.HashMap<>(values);
		all.put("filename", document + ".pdf");
		return new Chunk(document + ":0", "kb", document, document + ".pdf", 1, 1, "", 0,
				"Quarterly report on revenue and filings.", all);
	}

	/**
	 * A filter and the documents it finds.
	 *
	 * @param name what it shows
	 * @param filter the filter
	 * @param documents the documents it finds
	 */
	public record Case(String name, MetadataFilter filter, Set<String> documents) {

		Case(String name, MetadataFilter filter, String... documents) {
			this(name, filter, Set.of(documents));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
