package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import org.springframework.ai.vectorstore.filter.Filter;

/**
 * Turns Spring AI filter expressions into Lucene filter queries. The indexed keys are
 * {@code knowledgeBase}, {@code documentId} and {@code id}; the operators {@code ==},
 * {@code !=}, {@code in}, {@code nin}, {@code &&}, {@code ||} and {@code not}.
 */
final class LuceneFilters {

	static final Map<String, String> FIELDS = Map.of("knowledgeBase", LuceneChunkIndex.KNOWLEDGE_BASE, "documentId",
			LuceneChunkIndex.DOCUMENT, "id", LuceneChunkIndex.ID);

	private LuceneFilters() {
	}

	static Query toQuery(Filter.Operand operand) {
		return switch (operand) {
			case Filter.Group group -> toQuery(group.content());
			case Filter.Expression expression -> expression(expression);
			default -> throw new IllegalArgumentException("Unsupported filter operand: " + operand);
		};
	}

	private static Query expression(Filter.Expression e) {
		return switch (e.type()) {
			case AND -> new BooleanQuery.Builder().add(toQuery(e.left()), BooleanClause.Occur.FILTER)
				.add(toQuery(e.right()), BooleanClause.Occur.FILTER)
				.build();
			case OR -> new BooleanQuery.Builder().add(toQuery(e.left()), BooleanClause.Occur.SHOULD)
				.add(toQuery(e.right()), BooleanClause.Occur.SHOULD)
				.setMinimumNumberShouldMatch(1)
				.build();
			case NOT -> not(toQuery(e.left()));
			case EQ -> new TermQuery(new Term(field(e), value(e.right())));
			case NE -> not(new TermQuery(new Term(field(e), value(e.right()))));
			case IN -> in(field(e), e.right());
			case NIN -> not(in(field(e), e.right()));
			default -> throw new IllegalArgumentException("Unsupported filter operator " + e.type()
					+ "; use ==, !=, in, nin, &&, || or not on " + FIELDS.keySet());
		};
	}

	private static Query not(Query query) {
		return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
			.add(query, BooleanClause.Occur.MUST_NOT)
			.build();
	}

	private static Query in(String field, Filter.Operand values) {
		if (!(values instanceof Filter.Value value) || !(value.value() instanceof List<?> list)) {
			throw new IllegalArgumentException("'in' needs a list of values");
		}
		return new TermInSetQuery(field, list.stream().map((v) -> new BytesRef(String.valueOf(v))).toList());
	}

	private static String field(Filter.Expression e) {
		if (!(e.left() instanceof Filter.Key key)) {
			throw new IllegalArgumentException("A comparison needs a key on its left");
		}
		String name = key.key().replace("\"", "").replace("'", "");
		String field = FIELDS.get(name);
		if (field == null) {
			throw new IllegalArgumentException("Cannot filter on '" + name + "'; use one of " + FIELDS.keySet());
		}
		return field;
	}

	private static String value(Filter.Operand operand) {
		if (!(operand instanceof Filter.Value value)) {
			throw new IllegalArgumentException("A comparison needs a value on its right");
		}
		return String.valueOf(value.value());
	}

}
