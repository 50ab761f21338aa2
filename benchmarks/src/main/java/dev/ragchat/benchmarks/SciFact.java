package dev.ragchat.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The BEIR SciFact set: corpus, queries and relevance judgements.
 */
final class SciFact {

	private static final ObjectMapper json = new ObjectMapper();

	private SciFact() {
	}

	static List<Passage> corpus(Path dir) throws IOException {
		List<Passage> passages = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(dir.resolve("corpus.jsonl"))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				JsonNode node = json.readTree(line);
				passages
					.add(new Passage(node.get("_id").asText(), node.get("title").asText(), node.get("text").asText()));
			}
		}
		return passages;
	}

	static Map<String, String> queries(Path dir) throws IOException {
		Map<String, String> queries = new HashMap<>();
		try (BufferedReader reader = Files.newBufferedReader(dir.resolve("queries.jsonl"))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				JsonNode node = json.readTree(line);
				queries.put(node.get("_id").asText(), node.get("text").asText());
			}
		}
		return queries;
	}

	/**
	 * @param file a qrels TSV (query-id, corpus-id, score, with a header)
	 * @return per query, the relevant passages and their grades
	 */
	static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
		Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(file);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split("\t");
			if (Integer.parseInt(cells[2]) > 0) {
				qrels.computeIfAbsent(cells[0], (k) -> new HashMap<>()).put(cells[1], Integer.parseInt(cells[2]));
			}
		}
		return qrels;
	}

	record Passage(String id, String title, String text) {

		String full() {
			return this.title + "\n" + this.text;
		}

	}

}
