import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragchat.retrieval.query.KeywordTerm;
import dev.ragchat.retrieval.query.QueryShaper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * For local_idf.py: the keyword terms of every question of a fusion.py lists file, shaped
 * by the service's QueryShaper (default weights) and analysed by the Lucene index's own
 * analyser, and the analysed terms of every chunk in its rankings. A benchmark tool, run
 * with the retrieval module's classpath (see local_idf.py); the analyser is
 * package-private, so it is made accessible by reflection.
 *
 * java -cp "retrieval/target/ragchat-retrieval-0.1.0-SNAPSHOT.jar:$(cat cp.txt)" Analyse.java LISTS.json OUT.json
 */
public class Analyse {

	public static void main(String[] args) throws Exception {
		var constructor = Class.forName("dev.ragchat.retrieval.lucene.KeywordAnalyzer").getDeclaredConstructor();
		constructor.setAccessible(true);
		Analyzer analyzer = (Analyzer) constructor.newInstance();
		ObjectMapper json = new ObjectMapper();
		JsonNode lists = json.readTree(Files.readString(Path.of(args[0])));
		ObjectNode out = json.createObjectNode();
		ObjectNode questions = out.putObject("questions");
		ObjectNode chunks = out.putObject("chunks");
		QueryShaper shaper = new QueryShaper();
		for (Map.Entry<String, JsonNode> entry : lists.properties()) {
			ArrayNode terms = questions.putArray(entry.getKey());
			for (KeywordTerm keyword : shaper.shape(entry.getValue().get("question").asText()).keywords()) {
				for (String term : terms(analyzer, keyword.word())) {
					terms.addArray().add(term).add(keyword.weight());
				}
			}
			for (String mode : List.of("vector", "keyword")) {
				for (JsonNode result : entry.getValue().get(mode)) {
					String id = result.get("chunk").asText();
					if (!chunks.has(id)) {
						ArrayNode analysed = chunks.putArray(id);
						terms(analyzer, result.get("text").asText()).forEach(analysed::add);
					}
				}
			}
		}
		json.writeValue(Path.of(args[1]).toFile(), out);
	}

	private static List<String> terms(Analyzer analyzer, String text) throws Exception {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("content", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}
