package dev.ragchat.api.evaluation.store;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.evaluation.Metric;
import dev.ragchat.api.evaluation.QuestionResult;
import dev.ragchat.api.evaluation.RunSettings;

/**
 * A run's settings, totals and questions' results as JSON, the same in both stores.
 * Fields a later version adds are ignored by an earlier one.
 */
final class Json {

	private static final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private static final TypeReference<LinkedHashMap<String, Metric>> TOTALS = new TypeReference<>() {
	};

	private Json() {
	}

	static String write(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An evaluation's value could not be written as JSON", ex);
		}
	}

	static RunSettings settings(String value) {
		return read(value, RunSettings.class);
	}

	static QuestionResult result(String value) {
		return read(value, QuestionResult.class);
	}

	static Map<String, Metric> totals(String value) {
		if (value == null) {
			return Map.of();
		}
		try {
			return json.readValue(value, TOTALS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An evaluation's totals could not be read", ex);
		}
	}

	private static <T> T read(String value, Class<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An evaluation's value could not be read", ex);
		}
	}

}
