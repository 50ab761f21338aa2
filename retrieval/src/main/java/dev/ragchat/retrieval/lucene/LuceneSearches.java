package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.query.KeywordTerm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.retrieval.join.DocumentJoiner;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;

/**
 * The searches of the chunk index, inside one searcher: the vector search, the keyword
 * search and the hybrid search's two rankings and their fusion. The knowledge base (and
 * any document or metadata filter) is a filter inside both the vector and the keyword
 * query, never applied afterwards.
 * <p>
 * BM25 ranks within the knowledge base: its document frequencies and average text length
 * are the knowledge base's ({@link KnowledgeBaseStatistics}), not the whole index's,
 * since every tenant's knowledge bases share the index and one tenant's uploads must not
 * move another's ranking; a term weighs by its rarity among the knowledge base's chunks
 * and among its files. Those statistics find the keyword candidates; by default
 * ({@link LuceneIndexSettings.KeywordStatistics#CANDIDATE_FILES}) the candidates, with
 * the vector ranking's in hybrid search, are then ranked by the statistics of the files
 * they come from ({@link CandidateFiles}), so a filter, which narrows the candidates,
 * narrows those files too.
 */
final class LuceneSearches {

	/** The metadata keys of a candidate's page that the hybrid joiner reads. */
	private static final String JOIN_DOCUMENT = "documentId";

	private static final String JOIN_PAGE = "page";

	/** How many keyword candidates are ranked again for a keyword search. */
	private static final int KEYWORD_CANDIDATES = 100;

	private final IndexEmbedding embedding;

	private final int vectorCandidates;

	private final int exactSearchUpTo;

	private final KeywordQuery keywordQuery;

	private final KnowledgeBaseStatistics statistics;

	private final HitPages hitPages = new HitPages(ChunkFields.DOCUMENT, ChunkFields.PAGE);

	/**
	 * Ranks the keyword side's candidates, or {@code null}: the knowledge base's BM25
	 * does.
	 */
	private final CandidateFiles candidateFiles;

	/**
	 * @param embedding the model the queries are embedded with
	 * @param analyzer the analyzer the content is indexed with
	 * @param settings the vector search's candidates and exact search, and the keyword
	 * side's statistics
	 */
	LuceneSearches(IndexEmbedding embedding, Analyzer analyzer, LuceneIndexSettings settings) {
		this.embedding = embedding;
		this.vectorCandidates = settings.vectorCandidates();
		this.exactSearchUpTo = settings.exactSearchUpTo();
		this.keywordQuery = new KeywordQuery(analyzer, ChunkFields.CONTENT);
		ChunkFiles files = new ChunkFiles(HitPages.DOCUMENT_COLUMN, ChunkFields.DOCUMENT);
		this.statistics = new KnowledgeBaseStatistics(ChunkFields.KNOWLEDGE_BASE, ChunkFields.CONTENT,
				ChunkFields.CONTENT_LENGTH, files);
		this.candidateFiles = (settings.keywordStatistics() == LuceneIndexSettings.KeywordStatistics.CANDIDATE_FILES)
				? new CandidateFiles(ChunkFields.DOCUMENT, ChunkFields.CONTENT, ChunkFields.CONTENT_LENGTH, files)
				: null;
	}

	/**
	 * A vector or keyword search.
	 * @param searcher a searcher over the whole index
	 * @param search the search
	 * @return its best {@code topK} chunks
	 * @throws IOException if the index cannot be read
	 */
	List<ScoredChunk> search(IndexSearcher searcher, ChunkSearch search) throws IOException {
		Query filter = filter(search.knowledgeBase(), search.documentIds(), search.filter());
		return switch (search.mode()) {
			case VECTOR -> ChunkFields.hits(searcher, searcher
				.search(vectorQuery(search.query(), search.topK(), filter, exact(searcher, filter)), search.topK()));
			case KEYWORD -> {
				IndexSearcher knowledgeBase = this.statistics.searcher(searcher, search.knowledgeBase());
				if (this.candidateFiles == null) {
					yield ChunkFields.hits(knowledgeBase, keywordHits(knowledgeBase, search, filter, search.topK()));
				}
				int depth = Math.max(search.topK(), KEYWORD_CANDIDATES);
				ScoreDoc[] hits = rankedAgain(searcher, keywordHits(knowledgeBase, search, filter, depth).scoreDocs,
						new TreeMap<>(), search)
					.stream()
					.limit(search.topK())
					.toArray(ScoreDoc[]::new);
				yield ChunkFields.hits(searcher,
						new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits));
			}
			case HYBRID -> throw new IllegalArgumentException(
					"Hybrid search is the Retriever's: it fuses this" + " index's vector and keyword results");
		};
	}

	/**
	 * Hybrid search inside one searcher: the vector and the keyword ranking are Spring AI
	 * {@code DocumentRetriever}s whose documents carry only Lucene's doc id, the joiner
	 * fuses them, and only the fused top {@code topK} chunks are read from the stored
	 * fields (reading all the candidates was most of a hybrid search's time:
	 * docs/decisions/0024-hybrid-reads-only-what-it-returns.md).
	 * @param searcher a searcher over the whole index
	 * @param search the search
	 * @param depth how many candidates each ranking has
	 * @param joiner fuses the rankings
	 * @param trace records the rankings when on
	 * @return the fused best {@code topK} chunks
	 * @throws IOException if the index cannot be read
	 */
	List<ScoredChunk> hybrid(IndexSearcher searcher, ChunkSearch search, int depth, DocumentJoiner joiner,
			SearchTrace trace) throws IOException {
		Query filter = filter(search.knowledgeBase(), search.documentIds(), search.filter());
		IndexSearcher knowledgeBase = this.statistics.searcher(searcher, search.knowledgeBase());
		boolean exact = exact(searcher, filter);
		DocumentRetriever vector = (query) -> ranked(searcher, vectorQuery(query.text(), depth, filter, exact), depth);
		DocumentRetriever keyword = (query) -> ranked(knowledgeBase, keywordQuery(search, filter), depth);
		org.springframework.ai.rag.Query query = new org.springframework.ai.rag.Query(search.query());
		List<Document> byVector = vector.retrieve(query);
		if (trace.on()) {
			trace.ranked(SearchTrace.Ranking.VECTOR, traced(searcher, byVector), byVector.size(), null);
		}
		List<Document> byKeyword = (this.candidateFiles != null)
				? rankedAgain(searcher, knowledgeBase, search, filter, byVector, depth) : keyword.retrieve(query);
		if (trace.on()) {
			trace.ranked(SearchTrace.Ranking.KEYWORD, traced(searcher, byKeyword), byKeyword.size(), null);
		}
		List<String> periods = search.periods();
		if (!periods.isEmpty()) {
			Set<Integer> holding = holding(searcher, periods, byVector, byKeyword);
			byVector = withPeriods(byVector, holding);
			byKeyword = withPeriods(byKeyword, holding);
		}
		List<Document> fused = joiner.join(Map.of(query, List.of(byVector, byKeyword)));
		StoredFields storedFields = searcher.storedFields();
		List<ScoredChunk> hits = new ArrayList<>(search.topK());
		for (Document document : fused.subList(0, Math.min(search.topK(), fused.size()))) {
			hits.add(new ScoredChunk(ChunkFields.chunk(storedFields, Integer.parseInt(document.getId())),
					document.getScore()));
		}
		return hits;
	}

	/**
	 * The first {@link SearchTrace#TOP} candidates of a ranking, read from the stored
	 * fields for a trace (only when one is on: an untraced search reads only what it
	 * returns).
	 */
	private static List<ScoredChunk> traced(IndexSearcher searcher, List<Document> ranked) throws IOException {
		StoredFields storedFields = searcher.storedFields();
		List<ScoredChunk> chunks = new ArrayList<>(Math.min(SearchTrace.TOP, ranked.size()));
		for (Document document : ranked.subList(0, Math.min(SearchTrace.TOP, ranked.size()))) {
			chunks.add(new ScoredChunk(ChunkFields.chunk(storedFields, Integer.parseInt(document.getId())),
					(document.getScore() != null) ? document.getScore() : 0));
		}
		return chunks;
	}

	/**
	 * The keyword ranking of a hybrid search: the knowledge base's BM25 finds its
	 * candidates, which are ranked again, with the vector ranking's, by the statistics of
	 * the files they come from ({@link CandidateFiles}).
	 */
	private List<Document> rankedAgain(IndexSearcher searcher, IndexSearcher knowledgeBase, ChunkSearch search,
			Query filter, List<Document> byVector, int depth) throws IOException {
		SortedMap<Integer, HitPages.Page> candidates = new TreeMap<>();
		for (Document document : byVector) {
			candidates.put(Integer.parseInt(document.getId()),
					new HitPages.Page((String) document.getMetadata().get(JOIN_DOCUMENT),
							(Integer) document.getMetadata().get(JOIN_PAGE)));
		}
		List<ScoreDoc> ranked = rankedAgain(searcher,
				knowledgeBase.search(keywordQuery(search, filter), depth).scoreDocs, candidates, search);
		List<Document> documents = new ArrayList<>(Math.min(depth, ranked.size()));
		for (ScoreDoc hit : ranked.subList(0, Math.min(depth, ranked.size()))) {
			documents.add(document(hit.doc, candidates.get(hit.doc), hit.score));
		}
		return documents;
	}

	/**
	 * Keyword hits, with other candidates, ranked again by the statistics of the files
	 * they come from ({@link CandidateFiles}).
	 * @param searcher a searcher over the whole index
	 * @param hits the keyword hits by the knowledge base's statistics
	 * @param candidates the other candidates and their pages (empty for a keyword
	 * search); the hits are added
	 * @param search the search
	 * @return the candidates that hold a question term, best first
	 */
	private List<ScoreDoc> rankedAgain(IndexSearcher searcher, ScoreDoc[] hits,
			SortedMap<Integer, HitPages.Page> candidates, ChunkSearch search) throws IOException {
		HitPages.Page[] pages = this.hitPages.of(searcher, hits);
		for (int i = 0; i < hits.length; i++) {
			candidates.put(hits[i].doc, pages[i]);
		}
		int[] docs = candidates.keySet().stream().mapToInt(Integer::intValue).toArray();
		String[] files = candidates.values().stream().map(HitPages.Page::documentId).toArray(String[]::new);
		float[] scores = this.candidateFiles.score(searcher, this.keywordQuery.weights(search.keywords()), docs, files);
		List<ScoreDoc> ranked = new ArrayList<>(docs.length);
		for (int c = 0; c < docs.length; c++) {
			if (scores[c] > 0) {
				ranked.add(new ScoreDoc(docs[c], scores[c]));
			}
		}
		ranked.sort((x, y) -> (x.score != y.score) ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
		return ranked;
	}

	/**
	 * Which of the candidates hold one of the periods in their title, heading path or
	 * text: the periods' term query, advanced to each candidate in doc id order (no
	 * stored field is read).
	 */
	private Set<Integer> holding(IndexSearcher searcher, List<String> periods, List<Document> byVector,
			List<Document> byKeyword) throws IOException {
		Query query = this.keywordQuery.build(periods.stream().map((period) -> new KeywordTerm(period, 1)).toList());
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
		int[] candidates = Stream.concat(byVector.stream(), byKeyword.stream())
			.mapToInt((document) -> Integer.parseInt(document.getId()))
			.distinct()
			.sorted()
			.toArray();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		Set<Integer> holding = new HashSet<>();
		LeafReaderContext leaf = null;
		DocIdSetIterator iterator = null;
		for (int doc : candidates) {
			LeafReaderContext next = leaves.get(ReaderUtil.subIndex(doc, leaves));
			if (next != leaf) {
				leaf = next;
				Scorer scorer = weight.scorer(leaf);
				iterator = (scorer != null) ? scorer.iterator() : null;
			}
			int target = doc - leaf.docBase;
			if (iterator != null && iterator.docID() <= target
					&& ((iterator.docID() == target) || iterator.advance(target) == target)) {
				holding.add(doc);
			}
		}
		return holding;
	}

	private static List<Document> withPeriods(List<Document> ranked, Set<Integer> holding) {
		return ranked.stream().map((document) -> {
			Map<String, Object> metadata = new HashMap<>(document.getMetadata());
			metadata.put(ChunkIndex.PERIOD, holding.contains(Integer.parseInt(document.getId())));
			return document.mutate().metadata(metadata).build();
		}).toList();
	}

	/**
	 * A ranking whose documents carry Lucene's doc id and the chunk's page (its document
	 * and page number, {@link HitPages}) for the joiner's page aggregation.
	 */
	private List<Document> ranked(IndexSearcher searcher, Query query, int depth) {
		try {
			ScoreDoc[] hits = searcher.search(query, depth).scoreDocs;
			HitPages.Page[] pages = this.hitPages.of(searcher, hits);
			List<Document> ranked = new ArrayList<>(hits.length);
			for (int i = 0; i < hits.length; i++) {
				ranked.add(document(hits[i].doc, pages[i], hits[i].score));
			}
			return ranked;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the chunk index", ex);
		}
	}

	/** A candidate for the joiner: its doc id, and its page in the metadata. */
	private static Document document(int doc, HitPages.Page page, double score) {
		String id = Integer.toString(doc);
		return Document.builder()
			.id(id)
			.text(id)
			.metadata(Map.of(JOIN_DOCUMENT, page.documentId(), JOIN_PAGE, page.page()))
			.score(score)
			.build();
	}

	/**
	 * Whether a vector search scores every chunk the filter lets through: while they are
	 * few enough ({@link ExactVectorQuery}).
	 */
	private boolean exact(IndexSearcher searcher, Query filter) throws IOException {
		return this.exactSearchUpTo > 0 && searcher.count(filter) <= this.exactSearchUpTo;
	}

	/**
	 * Exact while the filter lets few enough chunks through, else the HNSW search, which
	 * explores at least {@code vectorCandidates} nodes' worth of results (Lucene's k is
	 * also its beam) so that recall holds for small k; callers keep the best k of them.
	 * @param query the query text
	 * @param k how many results the caller keeps
	 * @param filter the knowledge base and document filter
	 * @param exact whether to score every chunk the filter lets through
	 * @return the vector query
	 */
	private Query vectorQuery(String query, int k, Query filter, boolean exact) {
		float[] vector = this.embedding.queries().embed(query);
		if (exact) {
			return new ExactVectorQuery(ChunkFields.VECTOR, vector, k, filter);
		}
		return new KnnFloatVectorQuery(ChunkFields.VECTOR, vector, Math.max(k, this.vectorCandidates), filter);
	}

	/**
	 * The keyword hits, at most {@code perDocument} of a document when the search says.
	 */
	private TopDocs keywordHits(IndexSearcher knowledgeBase, ChunkSearch search, Query filter, int depth)
			throws IOException {
		Query query = keywordQuery(search, filter);
		return (search.perDocument() > 0)
				? knowledgeBase.search(query, new PerDocumentHits(depth, search.perDocument()))
				: knowledgeBase.search(query, depth);
	}

	private Query keywordQuery(ChunkSearch search, Query filter) {
		return new BooleanQuery.Builder()
			.add(this.keywordQuery.build(search.keywords(), search.minimumMatch()), BooleanClause.Occur.MUST)
			.add(filter, BooleanClause.Occur.FILTER)
			.build();
	}

	/**
	 * @param searcher a searcher over the whole index
	 * @param scope a search's scope
	 * @return how many documents it holds ({@link ChunkIndex#documents})
	 * @throws IOException if the index cannot be read
	 */
	int documents(IndexSearcher searcher, ChunkSearch scope) throws IOException {
		return this.hitPages.documents(searcher, filter(scope.knowledgeBase(), scope.documentIds(), scope.filter()));
	}

	private static Query filter(String knowledgeBase, List<String> documentIds, MetadataFilter metadata) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(ChunkFields.KNOWLEDGE_BASE, knowledgeBase)), BooleanClause.Occur.FILTER);
		if (!documentIds.isEmpty()) {
			filter.add(new TermInSetQuery(ChunkFields.DOCUMENT, documentIds.stream().map(BytesRef::new).toList()),
					BooleanClause.Occur.FILTER);
		}
		if (metadata != null) {
			filter.add(LuceneFilters.query(metadata), BooleanClause.Occur.FILTER);
		}
		return filter.build();
	}

}
