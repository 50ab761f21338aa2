package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;

/**
 * A filter over the values a chunk carries from its document ({@link Chunk#metadata()}:
 * the upload's top-level metadata values and the document's own fields, such as
 * {@code filename} or {@code version}): conditions {@code {key, op, value}} nested in
 * {@code and} / {@code or}, as OpenAI's vector-store search writes them.
 * <p>
 * The semantics every index keeps (the contract tests hold each adapter to them):
 * <ul>
 * <li>values are typed: a text, a number or a boolean; a condition compares a value only
 * with values of its own type (the number {@code 2021} does not equal the text
 * {@code "2021"}), numbers by value, texts by their UTF-8 bytes (so ISO-8601 times
 * compare in time order);</li>
 * <li>a chunk without the key matches no condition on it, {@code ne} and {@code nin}
 * included: a filter on an unknown key matches nothing;</li>
 * <li>{@code ne} and {@code nin} match a chunk that has the key with another value (of
 * any type).</li>
 * </ul>
 * Parsed from the JSON tree a request carries ({@link #parse}), with every refusal naming
 * the bad part.
 */
public sealed interface MetadataFilter {

	/** The most conditions a filter may hold. */
	int MAX_CONDITIONS = 50;

	/** The deepest a filter may nest. */
	int MAX_DEPTH = 5;

	/** The most values an {@code in} or {@code nin} condition may list. */
	int MAX_VALUES = 100;

	/** The longest a text value may be. */
	int MAX_TEXT = 500;

	/** What a key is: it becomes part of a field name in every index. */
	Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/**
	 * @param key a key
	 * @param op a comparison
	 * @param value a value (a list for {@code in} and {@code nin})
	 * @return the condition, checked as a request's would be
	 */
	static MetadataFilter of(String key, Op op, Object value) {
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put("key", key);
		condition.put("op", op.name().toLowerCase(Locale.ROOT));
		condition.put("value", value);
		return parse(condition);
	}

	/**
	 * The filter of the older {@code metadata} map: each key equal to its value, read as
	 * the text it was given or, where it reads as one, the number or boolean.
	 * @param exact keys and the values they must have
	 * @return the filter, or {@code null} for none
	 */
	static MetadataFilter exact(Map<String, String> exact) {
		if (exact == null || exact.isEmpty()) {
			return null;
		}
		List<MetadataFilter> all = new ArrayList<>();
		exact.forEach((key, value) -> {
			if (!KEY.matcher(key).matches()) {
				throw new RejectedInputException(
						"filter.metadata: '" + key + "' is not a key (letters, digits, '_' and '-', at most 64)");
			}
			List<MetadataFilter> any = new ArrayList<>();
			any.add(new Condition(key, Op.EQ, List.of(value)));
			Double number = number(value);
			if (number != null) {
				any.add(new Condition(key, Op.EQ, List.of(number)));
			}
			if (value.equals("true") || value.equals("false")) {
				any.add(new Condition(key, Op.EQ, List.of(Boolean.valueOf(value))));
			}
			all.add((any.size() == 1) ? any.get(0) : new Or(any));
		});
		return (all.size() == 1) ? all.get(0) : new And(all);
	}

	/**
	 * @param a a filter, or {@code null}
	 * @param b another, or {@code null}
	 * @return both, or whichever is there
	 */
	static MetadataFilter both(MetadataFilter a, MetadataFilter b) {
		if (a == null) {
			return b;
		}
		return (b != null) ? new And(List.of(a, b)) : a;
	}

	/**
	 * Reads a filter from a JSON tree as Jackson or the MCP SDK hand it over (maps,
	 * lists, texts, numbers, booleans).
	 * @param tree the filter: {@code {"and": [...]}}, {@code {"or": [...]}} or
	 * {@code {"key": ..., "op": ..., "value": ...}}
	 * @return the filter, or {@code null} for none ({@code null} or {@code {}})
	 * @throws RejectedInputException naming the bad part, e.g.
	 * {@code filter.and[1].op: 'between' is not one of eq, ne, ...}
	 */
	static MetadataFilter parse(Object tree) {
		if (tree == null || (tree instanceof Map<?, ?> map && map.isEmpty())) {
			return null;
		}
		int[] conditions = { 0 };
		return parse(tree, "filter", 1, conditions);
	}

	private static MetadataFilter parse(Object tree, String at, int depth, int[] conditions) {
		if (!(tree instanceof Map<?, ?> node)) {
			throw new RejectedInputException(at + ": must be an object with 'and', 'or' or 'key', 'op' and 'value'");
		}
		if (depth > MAX_DEPTH) {
			throw new RejectedInputException(at + ": filters nest at most " + MAX_DEPTH + " deep");
		}
		if (node.containsKey("and") || node.containsKey("or")) {
			if (node.size() != 1) {
				throw new RejectedInputException(
						at + ": an 'and' or 'or' stands alone in its object, found " + node.keySet());
			}
			String which = node.containsKey("and") ? "and" : "or";
			if (!(node.get(which) instanceof List<?> list) || list.isEmpty()) {
				throw new RejectedInputException(at + "." + which + ": must be a non-empty array of filters");
			}
			List<MetadataFilter> filters = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				filters.add(parse(list.get(i), at + "." + which + "[" + i + "]", depth + 1, conditions));
			}
			return which.equals("and") ? new And(filters) : new Or(filters);
		}
		for (Object name : node.keySet()) {
			if (!List.of("key", "op", "value").contains(name)) {
				throw new RejectedInputException(
						at + ": unknown field '" + name + "' (a condition is {key, op, value}; or use and/or)");
			}
		}
		if (++conditions[0] > MAX_CONDITIONS) {
			throw new RejectedInputException(at + ": a filter holds at most " + MAX_CONDITIONS + " conditions");
		}
		if (!(node.get("key") instanceof String key) || !KEY.matcher(key).matches()) {
			throw new RejectedInputException(
					at + ".key: must be a key of letters, digits, '_' and '-' (at most 64), found "
							+ describe(node.get("key")));
		}
		Op op = op(node.get("op"), at + ".op");
		if (!node.containsKey("value")) {
			throw new RejectedInputException(at + ".value: missing");
		}
		return new Condition(key, op, values(op, node.get("value"), at + ".value"));
	}

	/** A condition's values: an array of them for 'in' and 'nin', else one. */
	private static List<Object> values(Op op, Object value, String at) {
		List<Object> values = new ArrayList<>();
		if (op.listed()) {
			if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_VALUES) {
				throw new RejectedInputException(at + ": '" + op.name().toLowerCase(Locale.ROOT)
						+ "' takes an array of 1 to " + MAX_VALUES + " values");
			}
			for (int i = 0; i < list.size(); i++) {
				values.add(scalar(list.get(i), at + "[" + i + "]"));
			}
		}
		else {
			Object scalar = scalar(value, at);
			if (op.ordering() && scalar instanceof Boolean) {
				throw new RejectedInputException(
						at + ": '" + op.name().toLowerCase(Locale.ROOT) + "' compares texts or numbers, not booleans");
			}
			values.add(scalar);
		}
		return values;
	}

	private static Op op(Object op, String at) {
		if (op instanceof String name) {
			for (Op candidate : Op.values()) {
				if (candidate.name().equalsIgnoreCase(name)) {
					return candidate;
				}
			}
		}
		throw new RejectedInputException(at + ": " + describe(op) + " is not one of eq, ne, gt, gte, lt, lte, in, nin");
	}

	private static Object scalar(Object value, String at) {
		if (value instanceof String text) {
			if (text.length() > MAX_TEXT) {
				throw new RejectedInputException(at + ": texts may be at most " + MAX_TEXT + " characters");
			}
			return text;
		}
		if (value instanceof Number number) {
			double d = number.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new RejectedInputException(at + ": must be a finite number");
			}
			return d;
		}
		if (value instanceof Boolean) {
			return value;
		}
		throw new RejectedInputException(at + ": must be a text, a number or a boolean, found " + describe(value));
	}

	private static String describe(Object value) {
		if (value == null) {
			return "nothing";
		}
		if (value instanceof String text) {
			return "'" + ((text.length() > 40) ? text.substring(0, 40) + "…" : text) + "'";
		}
		if (value instanceof Map) {
			return "an object";
		}
		if (value instanceof List) {
			return "an array";
		}
		return String.valueOf(value);
	}

	private static Double number(String text) {
		try {
			double d = Double.parseDouble(text);
			return (Double.isNaN(d) || Double.isInfinite(d)) ? null : d;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * All of the filters.
	 *
	 * @param filters the filters
	 */
	record And(List<MetadataFilter> filters) implements MetadataFilter {

		public And {
			filters = List.copyOf(filters);
		}

	}

	/**
	 * Any of the filters.
	 *
	 * @param filters the filters
	 */
	record Or(List<MetadataFilter> filters) implements MetadataFilter {

		public Or {
			filters = List.copyOf(filters);
		}

	}

	/**
	 * One condition on one key.
	 *
	 * @param key the key
	 * @param op the comparison
	 * @param values the value compared with (one), or the values of {@code in} and
	 * {@code nin}; each a {@code String}, a {@code Double} or a {@code Boolean}
	 */
	record Condition(String key, Op op, List<Object> values) implements MetadataFilter {

		public Condition {
			values = List.copyOf(values);
		}

		/**
		 * @return the one value of a comparison
		 */
		public Object value() {
			return this.values.get(0);
		}

	}

	/**
	 * The comparisons.
	 */
	enum Op {

		EQ, NE, GT, GTE, LT, LTE, IN, NIN;

		/**
		 * @return whether the operator takes a list of values
		 */
		public boolean listed() {
			return this == IN || this == NIN;
		}

		/**
		 * @return whether the operator orders values
		 */
		public boolean ordering() {
			return this == GT || this == GTE || this == LT || this == LTE;
		}

	}

}
