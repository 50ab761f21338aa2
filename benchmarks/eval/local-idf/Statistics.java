import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * For local_idf.py: each knowledge base's BM25 statistics (chunks, average length, and the
 * document frequency of every question term Analyse.java wrote), read from a kept eval
 * index (the service stopped) through the index's own KnowledgeBaseStatistics, made
 * accessible by reflection; and, counted here by reading every chunk's document id, each
 * knowledge base's files and how many of them hold each term (session 12: the idf over
 * files the index now adds), and how many chunks and tokens those files have together
 * (session 13: a term's rarity within the files that hold it, and their average length).
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
			// each live chunk's knowledge base and file
			String[][] owner = new String[reader.maxDoc()][];
			Bits live = MultiBits.getLiveDocs(reader);
			StoredFields stored = reader.storedFields();
			Map<String, Set<String>> files = new HashMap<>();
			Map<String, Integer> chunksOf = new HashMap<>();
			Map<String, Long> tokensOf = new HashMap<>();
			ObjectNode chunkFile = out.putObject("chunkFile");
			org.apache.lucene.index.NumericDocValues[] lengths = new org.apache.lucene.index.NumericDocValues[reader.leaves().size()];
			for (int d = 0; d < reader.maxDoc(); d++) {
				if (live == null || live.get(d)) {
					Document chunk = stored.document(d, Set.of("kb", "doc", "id"));
					chunkFile.put(chunk.get("id"), chunk.get("doc"));
					owner[d] = new String[] { chunk.get("kb"), chunk.get("doc") };
					files.computeIfAbsent(chunk.get("kb"), (k) -> new HashSet<>()).add(chunk.get("doc"));
					chunksOf.merge(chunk.get("kb") + "\u0000" + chunk.get("doc"), 1, Integer::sum);
					tokensOf.merge(chunk.get("kb") + "\u0000" + chunk.get("doc"), length(reader, d), Long::sum);
				}
			}
			for (int i = 2; i < args.length - 1; i++) {
				String[] kb = args[i].split("=");
				IndexSearcher searcher = (IndexSearcher) scope.invoke(statistics, all, kb[1]);
				CollectionStatistics collection = searcher.collectionStatistics("content");
				ObjectNode node = out.putObject(kb[0]);
				node.put("n", collection.docCount()).put("avgdl", (double) collection.sumTotalTermFreq() / collection.docCount());
				ObjectNode df = node.putObject("df");
				node.put("files", files.getOrDefault(kb[1], Set.of()).size());
				ObjectNode fileDf = node.putObject("fileDf");
				ObjectNode fileChunks = node.putObject("fileChunks");
				ObjectNode fileTokens = node.putObject("fileTokens");
				ObjectNode fileShare = node.putObject("fileShare");
				// session 14: per question term, the chunks holding it in each file; each file's
				// chunks and tokens
				ObjectNode termFiles = node.putObject("termFiles");
				ObjectNode sizes = node.putObject("fileSizes");
				for (String f : files.getOrDefault(kb[1], Set.of())) {
					sizes.putArray(f).add(chunksOf.get(kb[1] + "\u0000" + f)).add(tokensOf.get(kb[1] + "\u0000" + f));
				}
				// session 14: the average chunk length with each file counted once (the mean of
				// its files' mean chunk lengths)
				node.put("fileAvgdl", files.getOrDefault(kb[1], Set.of())
					.stream()
					.mapToDouble((f) -> (double) tokensOf.get(kb[1] + "\u0000" + f) / chunksOf.get(kb[1] + "\u0000" + f))
					.average()
					.orElse(0));
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
							Set<String> holding = new HashSet<>();
							Map<String, Integer> chunksHolding = new HashMap<>();
							for (LeafReaderContext leaf : reader.leaves()) {
								Terms terms = leaf.reader().terms("content");
								TermsEnum termsEnum = (terms != null) ? terms.iterator() : null;
								if (termsEnum == null || !termsEnum.seekExact(new BytesRef(text))) {
									continue;
								}
								PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
								for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
									String[] o = owner[leaf.docBase + d];
									if (o != null && o[0].equals(kb[1])) {
										holding.add(o[1]);
										chunksHolding.merge(o[1], 1, Integer::sum);
									}
								}
							}
							fileDf.put(text, holding.size());
							fileChunks.put(text, holding.stream().mapToInt((f) -> chunksOf.get(kb[1] + "\u0000" + f)).sum());
							fileTokens.put(text, holding.stream().mapToLong((f) -> tokensOf.get(kb[1] + "\u0000" + f)).sum());
							ObjectNode perFile = termFiles.putObject(text);
							chunksHolding.forEach(perFile::put);
							// session 14: each file counts once, a term by the share of its chunks holding it
							fileShare.put(text, chunksHolding.entrySet()
								.stream()
								.mapToDouble((e) -> (double) e.getValue() / chunksOf.get(kb[1] + "\u0000" + e.getKey()))
								.sum());
						}
					}
				}
			}
		}
		json.writeValue(Path.of(args[args.length - 1]).toFile(), out);
	}

	/** A chunk's length in tokens, from the index's length column. */
	private static long length(DirectoryReader reader, int doc) throws java.io.IOException {
		LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
		org.apache.lucene.index.NumericDocValues values = leaf.reader().getNumericDocValues("contentLength");
		return (values != null && values.advanceExact(doc - leaf.docBase)) ? values.longValue() : 0;
	}

}
