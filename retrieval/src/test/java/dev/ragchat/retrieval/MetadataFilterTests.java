package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading a filter from a request's JSON.
 */
class MetadataFilterTests {

	private static final ObjectMapper json = new ObjectMapper();

	@Test
	void readsConditionsNestedInAndAndOr() throws Exception {
		MetadataFilter filter = MetadataFilter.parse(json.readValue("""
				{"and": [{"key": "year", "op": "gte", "value": 2021},
				         {"or": [{"key": "form", "op": "in", "value": ["10-K", "10-Q"]},
				                 {"key": "audited", "op": "eq", "value": true}]}]}
				""", Object.class));
		assertThat(filter).isEqualTo(new MetadataFilter.And(
				List.of(new MetadataFilter.Condition("year", MetadataFilter.Op.GTE, List.of(2021.0)),
						new MetadataFilter.Or(List.of(
								new MetadataFilter.Condition("form", MetadataFilter.Op.IN, List.of("10-K", "10-Q")),
								new MetadataFilter.Condition("audited", MetadataFilter.Op.EQ, List.of(true)))))));
	}

	@Test
	void readsNothingAsNoFilter() {
		assertThat(MetadataFilter.parse(null)).isNull();
		assertThat(MetadataFilter.parse(Map.of())).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{"and": [{"key": "year", "op": "between", "value": 1}]}       | filter.and[0].op: 'between' is not one of eq
					{"and": []}                                                  | filter.and: must be a non-empty array
					{"key": "a.b", "op": "eq", "value": 1}                        | filter.key: must be a key
					{"key": "year", "op": "eq"}                                   | filter.value: missing
					{"key": "year", "op": "in", "value": 2021}                    | filter.value: 'in' takes an array
					{"key": "year", "op": "eq", "value": {"x": 1}}                | filter.value: must be a text, a number or a boolean
					{"key": "ok", "op": "gt", "value": true}                      | filter.value: 'gt' compares texts or numbers
					{"or": [{"key": "a", "op": "eq", "value": 1}], "key": "b"}    | filter: an 'and' or 'or' stands alone
					{"key": "a", "op": "eq", "value": 1, "values": [2]}          | filter: unknown field 'values'
					{"or": [{"key": "a", "op": "eq", "value": [1, 2]}]}          | filter.or[0].value: must be a text
					""")
	void refusesAMalformedFilterNamingTheBadPart(String filter, String message) throws Exception {
		Object tree = json.readValue(filter, Object.class);
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> MetadataFilter.parse(tree))
			.withMessageStartingWith(message);
	}

	@Test
	void refusesFiltersNestedTooDeep() {
		Object tree = Map.of("key", "a", "op", "eq", "value", 1);
		for (int i = 0; i < MetadataFilter.MAX_DEPTH; i++) {
			tree = Map.of("and", List.of(tree));
		}
		Object deep = tree;
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> MetadataFilter.parse(deep))
			.withMessageContaining("nest at most");
	}

}
