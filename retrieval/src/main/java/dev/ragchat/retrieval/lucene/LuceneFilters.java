package dev.ragchat.retrieval.lucene;

import java.util.HashMap;
import java.util.Map;

import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.MetadataFilter.Condition;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * A chunk's typed values as Lucene fields, and a {@link MetadataFilter} as a Lucene query
 * over them. Each type has its own fields (texts {@code meta.<key>}, numbers
 * {@code metan.<key>} as points, booleans {@code metab.<key>}), so that a condition only
 * ever meets values of its own type, as in MongoDB; {@code metakey} lists the keys a
 * chunk has, so that {@code ne} and {@code nin} match only chunks that have the key.
 */
final class LuceneFilters {

	private LuceneFilters() {
	}

	static void index(Map<String, Object> values, org.apache.lucene.document.Document document) {
		values.forEach((key, value) -> {
			document.add(new StringField(ChunkFields.METADATA_KEYS, key, Field.Store.NO));
			if (value instanceof Double number) {
				document.add(new DoublePoint(ChunkFields.METADATA_NUMBER + key, number));
				document.add(new StoredField(ChunkFields.METADATA_NUMBER + key, number));
			}
			else if (value instanceof Boolean bool) {
				document.add(new StringField(ChunkFields.METADATA_BOOLEAN + key, bool.toString(), Field.Store.YES));
			}
			else {
				document.add(new StringField(ChunkFields.METADATA + key, (String) value, Field.Store.YES));
			}
		});
	}

	static Map<String, Object> values(org.apache.lucene.document.Document document) {
		Map<String, Object> values = new HashMap<>();
		for (IndexableField field : document.getFields()) {
			String name = field.name();
			if (name.startsWith(ChunkFields.METADATA)) {
				values.put(name.substring(ChunkFields.METADATA.length()), field.stringValue());
			}
			else if (name.startsWith(ChunkFields.METADATA_NUMBER)) {
				values.put(name.substring(ChunkFields.METADATA_NUMBER.length()), field.numericValue().doubleValue());
			}
			else if (name.startsWith(ChunkFields.METADATA_BOOLEAN)) {
				values.put(name.substring(ChunkFields.METADATA_BOOLEAN.length()), Boolean.valueOf(field.stringValue()));
			}
		}
		return values;
	}

	static Query query(MetadataFilter filter) {
		return switch (filter) {
			case MetadataFilter.And and -> {
				BooleanQuery.Builder all = new BooleanQuery.Builder();
				and.filters().forEach((f) -> all.add(query(f), BooleanClause.Occur.FILTER));
				yield all.build();
			}
			case MetadataFilter.Or or -> {
				BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
				or.filters().forEach((f) -> any.add(query(f), BooleanClause.Occur.SHOULD));
				yield any.build();
			}
			case Condition condition -> condition(condition);
		};
	}

	private static Query condition(Condition condition) {
		String key = condition.key();
		return switch (condition.op()) {
			case EQ -> equal(key, condition.value());
			case IN -> {
				BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
				condition.values().forEach((v) -> any.add(equal(key, v), BooleanClause.Occur.SHOULD));
				yield any.build();
			}
			case NE, NIN -> {
				BooleanQuery.Builder none = new BooleanQuery.Builder()
					.add(new TermQuery(new Term(ChunkFields.METADATA_KEYS, key)), BooleanClause.Occur.FILTER);
				condition.values().forEach((v) -> none.add(equal(key, v), BooleanClause.Occur.MUST_NOT));
				yield none.build();
			}
			case GT, GTE, LT, LTE -> range(key, condition.op(), condition.value());
		};
	}

	private static Query equal(String key, Object value) {
		if (value instanceof Double number) {
			return DoublePoint.newExactQuery(ChunkFields.METADATA_NUMBER + key, number);
		}
		if (value instanceof Boolean bool) {
			return new TermQuery(new Term(ChunkFields.METADATA_BOOLEAN + key, bool.toString()));
		}
		return new TermQuery(new Term(ChunkFields.METADATA + key, (String) value));
	}

	private static Query range(String key, MetadataFilter.Op op, Object value) {
		boolean lower = op == MetadataFilter.Op.GT || op == MetadataFilter.Op.GTE;
		boolean inclusive = op == MetadataFilter.Op.GTE || op == MetadataFilter.Op.LTE;
		if (value instanceof Double number) {
			double bound = inclusive ? number : (lower ? Math.nextUp(number) : Math.nextDown(number));
			return lower ? DoublePoint.newRangeQuery(ChunkFields.METADATA_NUMBER + key, bound, Double.POSITIVE_INFINITY)
					: DoublePoint.newRangeQuery(ChunkFields.METADATA_NUMBER + key, Double.NEGATIVE_INFINITY, bound);
		}
		String text = (String) value;
		// Lucene orders terms by their UTF-8 bytes, as MongoDB orders texts without a
		// collation
		return lower ? TermRangeQuery.newStringRange(ChunkFields.METADATA + key, text, null, inclusive, true)
				: TermRangeQuery.newStringRange(ChunkFields.METADATA + key, null, text, true, inclusive);
	}

}
