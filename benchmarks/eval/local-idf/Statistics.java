import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.store.FSDirectory;

/**
 * For local_idf.py: each knowledge base's BM25 statistics (chunks, average length, and the
 * document frequency of every question term Analyse.java wrote), read from a kept eval
 * index (the service stopped) through the index's own KnowledgeBaseStatistics, made
 * accessible by reflection.
 *
 * java -cp ... Statistics.java INDEX_DIR analysed.json kbName=kbId... OUT.json
 */
public class Statistics {

	public static void main(String[] args) throws Exception {
		var constructor = Class.forName("dev.ragchat.retrieval.lucene.KnowledgeBaseStatistics")
			.getDeclaredConstructor(String.class, String.class, String.class);
		constructor.setAccessible(true);
		Object statistics = constructor.newInstance("kb", "content", "contentLength");
		var scope = statistics.getClass().getDeclaredMethod("searcher", IndexSearcher.class, String.class);
		scope.setAccessible(true);
		ObjectMapper json = new ObjectMapper();
		JsonNode analysed = json.readTree(Files.readString(Path.of(args[1])));
		ObjectNode out = json.createObjectNode();
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
			IndexSearcher all = new IndexSearcher(reader);
			for (int i = 2; i < args.length - 1; i++) {
				String[] kb = args[i].split("=");
				IndexSearcher searcher = (IndexSearcher) scope.invoke(statistics, all, kb[1]);
				CollectionStatistics collection = searcher.collectionStatistics("content");
				ObjectNode node = out.putObject(kb[0]);
				node.put("n", collection.docCount()).put("avgdl", (double) collection.sumTotalTermFreq() / collection.docCount());
				ObjectNode df = node.putObject("df");
				for (Map.Entry<String, JsonNode> question : analysed.get("questions").properties()) {
					if (!question.getKey().startsWith(kb[0] + "/")) {
						continue;
					}
					for (JsonNode term : question.getValue()) {
						String text = term.get(0).asText();
						if (!df.has(text)) {
							Term t = new Term("content", text);
							int docFreq = reader.docFreq(t);
							TermStatistics s = (docFreq > 0) ? searcher.termStatistics(t, docFreq, reader.totalTermFreq(t)) : null;
							df.put(text, (s != null) ? s.docFreq() : 0);
						}
					}
				}
			}
		}
		json.writeValue(Path.of(args[args.length - 1]).toFile(), out);
	}

}
