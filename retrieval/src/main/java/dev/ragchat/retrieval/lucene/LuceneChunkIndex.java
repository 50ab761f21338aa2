package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.IndexSnapshots;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.query.KeywordTerm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.BytesRef;

import org.springframework.ai.rag.retrieval.join.DocumentJoiner;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.util.Assert;

/**
 * The embedded chunk index: one Lucene index on disk holding, per chunk, its HNSW vector
 * and its BM25-searchable text. The knowledge base (and any document filter) is a filter
 * inside both the vector and the keyword query, never applied afterwards. A document's
 * chunks are replaced with one atomic {@code updateDocuments} and one commit.
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
public final class LuceneChunkIndex implements ChunkIndex, IndexSnapshots, AutoCloseable {

	static final String ID = "id";

	static final String KNOWLEDGE_BASE = "kb";

	static final String DOCUMENT = "doc";

	private static final String FILENAME = "filename";

	private static final String PAGE = "page";

	private static final String PAGE_END = "pageEnd";

	private static final String HEADING_PATH = "headingPath";

	private static final String TITLE = "title";

	private static final String ORDINAL = "ordinal";

	private static final String TEXT = "text";

	/** What BM25 searches: the title, the heading path and the text. */
	static final String CONTENT = "content";

	/** The content's length in tokens, for the knowledge base's BM25 statistics. */
	static final String CONTENT_LENGTH = "contentLength";

	private static final String VECTOR = "vector";

	/** Prefix of the fields holding a chunk's text values (as before typed values). */
	static final String METADATA = "meta.";

	/** Prefix of the fields holding a chunk's number values. */
	static final String METADATA_NUMBER = "metan.";

	/** Prefix of the fields holding a chunk's boolean values. */
	static final String METADATA_BOOLEAN = "metab.";

	/** The keys a chunk has values for (what {@code ne} and {@code nin} ask first). */
	static final String METADATA_KEYS = "metakey";

	/** The metadata keys of a candidate's page that the hybrid joiner reads. */
	private static final String JOIN_DOCUMENT = "documentId";

	private static final String JOIN_PAGE = "page";

	/** How many keyword candidates are ranked again for a keyword search. */
	private static final int KEYWORD_CANDIDATES = 100;

	private final IndexEmbedding embedding;

	private final int embeddingBatch;

	private final int vectorCandidates;

	private final int exactSearchUpTo;

	private final Analyzer analyzer = new KeywordAnalyzer();

	private final KeywordQuery keywordQuery = new KeywordQuery(this.analyzer, CONTENT);

	private final KnowledgeBaseStatistics statistics = new KnowledgeBaseStatistics(KNOWLEDGE_BASE, CONTENT,
			CONTENT_LENGTH, new KnowledgeBaseStatistics.Files(HitPages.DOCUMENT_COLUMN, DOCUMENT));

	private final HitPages hitPages = new HitPages(DOCUMENT, PAGE);

	/**
	 * Ranks the keyword side's candidates, or {@code null}: the knowledge base's BM25
	 * does.
	 */
	private final CandidateFiles candidateFiles;

	private final Directory directory;

	private final IndexWriter writer;

	/** Keeps the commit a backup copies until the copy ends (Lucene's own way). */
	private final SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());

	private final SearcherManager searchers;

	/**
	 * Held while a document's chunks become visible or go: a conditional replace checks
	 * and writes under it, so a delete that follows a catalog removal always comes after.
	 */
	private final ReentrantLock visibility = new ReentrantLock();

	/** The one thread that writes: see {@link #write}. */
	private final ExecutorService writes = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("ragchat-index-writer").daemon().factory());

	/**
	 * Opens (or creates) the index in a directory.
	 * @param directory the index directory
	 * @param embedding the model the chunks and queries are embedded with
	 * @param embeddingBatch how many texts the model gets at a time
	 * @param settings the vector format and write buffer
	 */
	public LuceneChunkIndex(Path directory, IndexEmbedding embedding, int embeddingBatch,
			LuceneIndexSettings settings) {
		Assert.notNull(directory, "directory must not be null");
		Assert.notNull(embedding, "embedding must not be null");
		Assert.isTrue(embeddingBatch >= 1, "embeddingBatch must be at least 1");
		Assert.notNull(settings, "settings must not be null");
		this.embedding = embedding;
		this.embeddingBatch = embeddingBatch;
		this.vectorCandidates = settings.vectorCandidates();
		this.exactSearchUpTo = settings.exactSearchUpTo();
		this.candidateFiles = (settings.keywordStatistics() == LuceneIndexSettings.KeywordStatistics.CANDIDATE_FILES)
				? new CandidateFiles(DOCUMENT, CONTENT, CONTENT_LENGTH, this.statistics) : null;
		try {
			this.directory = FSDirectory.open(directory);
			this.writer = new IndexWriter(this.directory,
					settings.applyTo(new IndexWriterConfig(this.analyzer)
						.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
						.setIndexDeletionPolicy(this.snapshots)));
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the chunk index in " + directory, ex);
		}
	}

	@Override
	public boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded, BooleanSupplier stillWanted) {
		Assert.hasText(documentId, "documentId must not be empty");
		Assert.isTrue(chunks.stream().allMatch((c) -> c.documentId().equals(documentId)),
				"every chunk must belong to document " + documentId);
		List<org.apache.lucene.document.Document> documents = new ArrayList<>(chunks.size());
		// a chunk the document already has, with the same id and the same indexed text,
		// keeps its vector: a new version re-embeds only what changed
		Map<String, float[]> kept = keptVectors(documentId, chunks);
		List<Chunk> fresh = chunks.stream().filter((c) -> !kept.containsKey(c.id())).toList();
		Map<String, float[]> vectors = new HashMap<>(kept);
		if (fresh.isEmpty() && !chunks.isEmpty()) {
			embedded.accept(chunks.size());
		}
		for (int start = 0; start < fresh.size(); start += this.embeddingBatch) {
			List<Chunk> batch = fresh.subList(start, Math.min(start + this.embeddingBatch, fresh.size()));
			List<float[]> embeddedBatch = this.embedding.model().embed(batch.stream().map(Chunk::indexText).toList());
			for (int i = 0; i < batch.size(); i++) {
				vectors.put(batch.get(i).id(), embeddedBatch.get(i));
			}
			embedded.accept(kept.size() + start + batch.size());
		}
		for (Chunk chunk : chunks) {
			documents.add(toLucene(chunk, vectors.get(chunk.id()),
					KnowledgeBaseStatistics.length(this.analyzer, CONTENT, chunk.indexText())));
		}
		this.visibility.lock();
		try {
			if (!stillWanted.getAsBoolean()) {
				return false;
			}
			write(() -> this.writer.updateDocuments(new Term(DOCUMENT, documentId), documents));
			return true;
		}
		finally {
			this.visibility.unlock();
		}
	}

	private Map<String, float[]> keptVectors(String documentId, List<Chunk> chunks) {
		Map<String, String> wanted = new HashMap<>();
		chunks.forEach((chunk) -> wanted.put(chunk.id(), chunk.indexText()));
		return withSearcher((searcher) -> {
			Map<String, float[]> kept = new HashMap<>();
			TermQuery query = new TermQuery(new Term(DOCUMENT, documentId));
			int count = searcher.count(query);
			if (count == 0) {
				return kept;
			}
			List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
			StoredFields storedFields = searcher.storedFields();
			for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
				Chunk chunk = chunk(storedFields, hit.doc);
				if (!chunk.indexText().equals(wanted.get(chunk.id()))) {
					continue;
				}
				LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
				FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
				if (values == null) {
					continue;
				}
				KnnVectorValues.DocIndexIterator iterator = values.iterator();
				if (iterator.advance(hit.doc - leaf.docBase) == hit.doc - leaf.docBase) {
					kept.put(chunk.id(), values.vectorValue(iterator.index()).clone());
				}
			}
			return kept;
		});
	}

	@Override
	public void deleteDocument(String documentId) {
		delete(new TermQuery(new Term(DOCUMENT, documentId)));
	}

	@Override
	public void deleteKnowledgeBase(String knowledgeBase) {
		delete(new TermQuery(new Term(KNOWLEDGE_BASE, knowledgeBase)));
	}

	private void delete(Query query) {
		this.visibility.lock();
		try {
			write(() -> this.writer.deleteDocuments(query));
		}
		finally {
			this.visibility.unlock();
		}
	}

	@Override
	public int count(String documentId) {
		return withSearcher((searcher) -> searcher.count(new TermQuery(new Term(DOCUMENT, documentId))));
	}

	@Override
	public List<Chunk> chunks(String documentId) {
		return withSearcher((searcher) -> {
			TermQuery query = new TermQuery(new Term(DOCUMENT, documentId));
			int count = searcher.count(query);
			if (count == 0) {
				return List.of();
			}
			return hits(searcher, searcher.search(query, count)).stream()
				.map(ScoredChunk::chunk)
				.sorted(java.util.Comparator.comparingInt(Chunk::ordinal))
				.toList();
		});
	}

	/**
	 * Reads the page column (chunks indexed before it was written have none: then the
	 * document's chunks are read and filtered).
	 */
	@Override
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		List<Chunk> chunks = withSearcher((searcher) -> {
			Query query = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(DOCUMENT, documentId)), BooleanClause.Occur.FILTER)
				.add(NumericDocValuesField.newSlowRangeQuery(HitPages.PAGE_COLUMN, fromPage, toPage),
						BooleanClause.Occur.FILTER)
				.build();
			int count = searcher.count(query);
			if (count == 0) {
				return List.<Chunk>of();
			}
			return hits(searcher, searcher.search(query, count)).stream()
				.map(ScoredChunk::chunk)
				.sorted(java.util.Comparator.comparingInt(Chunk::ordinal))
				.toList();
		});
		return chunks.isEmpty() ? ChunkIndex.super.chunks(documentId, fromPage, toPage) : chunks;
	}

	@Override
	public List<ScoredChunk> search(ChunkSearch search) {
		Query filter = filter(search.knowledgeBase(), search.documentIds(), search.filter());
		return switch (search.mode()) {
			case VECTOR -> withSearcher((searcher) -> hits(searcher, searcher
				.search(vectorQuery(search.query(), search.topK(), filter, exact(searcher, filter)), search.topK())));
			case KEYWORD -> withSearcher((searcher) -> {
				IndexSearcher knowledgeBase = this.statistics.searcher(searcher, search.knowledgeBase());
				if (this.candidateFiles == null) {
					return hits(knowledgeBase, knowledgeBase.search(keywordQuery(search, filter), search.topK()));
				}
				int depth = Math.max(search.topK(), KEYWORD_CANDIDATES);
				ScoreDoc[] hits = rankedAgain(searcher,
						knowledgeBase.search(keywordQuery(search, filter), depth).scoreDocs, new TreeMap<>(), search)
					.stream()
					.limit(search.topK())
					.toArray(ScoreDoc[]::new);
				return hits(searcher, new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits));
			});
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
	 */
	@Override
	public List<ScoredChunk> hybrid(ChunkSearch search, int depth, DocumentJoiner joiner, SearchTrace trace) {
		Query filter = filter(search.knowledgeBase(), search.documentIds(), search.filter());
		return withSearcher((searcher) -> {
			IndexSearcher knowledgeBase = this.statistics.searcher(searcher, search.knowledgeBase());
			boolean exact = exact(searcher, filter);
			DocumentRetriever vector = (query) -> ranked(searcher, vectorQuery(query.text(), depth, filter, exact),
					depth);
			DocumentRetriever keyword = (query) -> ranked(knowledgeBase, keywordQuery(search, filter), depth);
			org.springframework.ai.rag.Query query = new org.springframework.ai.rag.Query(search.query());
			List<org.springframework.ai.document.Document> byVector = vector.retrieve(query);
			if (trace.on()) {
				trace.ranked(SearchTrace.Ranking.VECTOR, traced(searcher, byVector), byVector.size(), null);
			}
			List<org.springframework.ai.document.Document> byKeyword = (this.candidateFiles != null)
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
			List<org.springframework.ai.document.Document> fused = joiner
				.join(Map.of(query, List.of(byVector, byKeyword)));
			StoredFields storedFields = searcher.storedFields();
			List<ScoredChunk> hits = new ArrayList<>(search.topK());
			for (org.springframework.ai.document.Document document : fused.subList(0,
					Math.min(search.topK(), fused.size()))) {
				hits.add(new ScoredChunk(chunk(storedFields, Integer.parseInt(document.getId())), document.getScore()));
			}
			return hits;
		});
	}

	/**
	 * The first {@link SearchTrace#TOP} candidates of a ranking, read from the stored
	 * fields for a trace (only when one is on: an untraced search reads only what it
	 * returns).
	 */
	private static List<ScoredChunk> traced(IndexSearcher searcher,
			List<org.springframework.ai.document.Document> ranked) throws IOException {
		StoredFields storedFields = searcher.storedFields();
		List<ScoredChunk> chunks = new ArrayList<>(Math.min(SearchTrace.TOP, ranked.size()));
		for (org.springframework.ai.document.Document document : ranked.subList(0,
				Math.min(SearchTrace.TOP, ranked.size()))) {
			chunks.add(new ScoredChunk(chunk(storedFields, Integer.parseInt(document.getId())),
					(document.getScore() != null) ? document.getScore() : 0));
		}
		return chunks;
	}

	/**
	 * The keyword ranking of a hybrid search: the knowledge base's BM25 finds its
	 * candidates, which are ranked again, with the vector ranking's, by the statistics of
	 * the files they come from ({@link CandidateFiles}).
	 */
	private List<org.springframework.ai.document.Document> rankedAgain(IndexSearcher searcher,
			IndexSearcher knowledgeBase, ChunkSearch search, Query filter,
			List<org.springframework.ai.document.Document> byVector, int depth) throws IOException {
		SortedMap<Integer, HitPages.Page> candidates = new TreeMap<>();
		for (org.springframework.ai.document.Document document : byVector) {
			candidates.put(Integer.parseInt(document.getId()),
					new HitPages.Page((String) document.getMetadata().get(JOIN_DOCUMENT),
							(Integer) document.getMetadata().get(JOIN_PAGE)));
		}
		List<ScoreDoc> ranked = rankedAgain(searcher,
				knowledgeBase.search(keywordQuery(search, filter), depth).scoreDocs, candidates, search);
		List<org.springframework.ai.document.Document> documents = new ArrayList<>(Math.min(depth, ranked.size()));
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
	private Set<Integer> holding(IndexSearcher searcher, List<String> periods,
			List<org.springframework.ai.document.Document> byVector,
			List<org.springframework.ai.document.Document> byKeyword) throws IOException {
		Query query = this.keywordQuery.build(periods.stream().map((period) -> new KeywordTerm(period, 1)).toList());
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
		int[] candidates = java.util.stream.Stream.concat(byVector.stream(), byKeyword.stream())
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

	private static List<org.springframework.ai.document.Document> withPeriods(
			List<org.springframework.ai.document.Document> ranked, Set<Integer> holding) {
		return ranked.stream().map((document) -> {
			Map<String, Object> metadata = new HashMap<>(document.getMetadata());
			metadata.put(PERIOD, holding.contains(Integer.parseInt(document.getId())));
			return document.mutate().metadata(metadata).build();
		}).toList();
	}

	/**
	 * A ranking whose documents carry Lucene's doc id and the chunk's page (its document
	 * and page number, {@link HitPages}) for the joiner's page aggregation.
	 */
	private List<org.springframework.ai.document.Document> ranked(IndexSearcher searcher, Query query, int depth) {
		try {
			ScoreDoc[] hits = searcher.search(query, depth).scoreDocs;
			HitPages.Page[] pages = this.hitPages.of(searcher, hits);
			List<org.springframework.ai.document.Document> ranked = new ArrayList<>(hits.length);
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
	private static org.springframework.ai.document.Document document(int doc, HitPages.Page page, double score) {
		String id = Integer.toString(doc);
		return org.springframework.ai.document.Document.builder()
			.id(id)
			.text(id)
			.metadata(Map.of(JOIN_DOCUMENT, page.documentId(), JOIN_PAGE, page.page()))
			.score(score)
			.build();
	}

	@Override
	public String embeddingModel() {
		return this.embedding.name();
	}

	@Override
	public int dimensions() {
		return this.embedding.dimensions();
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
			return new ExactVectorQuery(VECTOR, vector, k, filter);
		}
		return new KnnFloatVectorQuery(VECTOR, vector, Math.max(k, this.vectorCandidates), filter);
	}

	private Query keywordQuery(ChunkSearch search, Query filter) {
		return new BooleanQuery.Builder().add(this.keywordQuery.build(search.keywords()), BooleanClause.Occur.MUST)
			.add(filter, BooleanClause.Occur.FILTER)
			.build();
	}

	private static Query filter(String knowledgeBase, List<String> documentIds, MetadataFilter metadata) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(KNOWLEDGE_BASE, knowledgeBase)), BooleanClause.Occur.FILTER);
		if (!documentIds.isEmpty()) {
			filter.add(new TermInSetQuery(DOCUMENT, documentIds.stream().map(BytesRef::new).toList()),
					BooleanClause.Occur.FILTER);
		}
		if (metadata != null) {
			filter.add(LuceneFilters.query(metadata), BooleanClause.Occur.FILTER);
		}
		return filter.build();
	}

	private static org.apache.lucene.document.Document toLucene(Chunk chunk, float[] vector, int length) {
		org.apache.lucene.document.Document document = new org.apache.lucene.document.Document();
		document.add(new StringField(ID, chunk.id(), Field.Store.YES));
		document.add(new StringField(KNOWLEDGE_BASE, chunk.knowledgeBase(), Field.Store.YES));
		document.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.YES));
		document.add(new StoredField(FILENAME, chunk.filename()));
		document.add(new StoredField(PAGE, chunk.page()));
		document.add(new StoredField(PAGE_END, chunk.pageEnd()));
		document.add(new StoredField(HEADING_PATH, chunk.headingPath()));
		document.add(new StoredField(TITLE, chunk.title()));
		document.add(new StoredField(ORDINAL, chunk.ordinal()));
		document.add(new StoredField(TEXT, chunk.text()));
		document.add(new TextField(CONTENT, chunk.indexText(), Field.Store.NO));
		document.add(new NumericDocValuesField(CONTENT_LENGTH, length));
		HitPages.index(document, chunk.documentId(), chunk.page());
		document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		LuceneFilters.index(chunk.metadata(), document);
		return document;
	}

	private static List<ScoredChunk> hits(IndexSearcher searcher, TopDocs topDocs) throws IOException {
		StoredFields storedFields = searcher.storedFields();
		List<ScoredChunk> hits = new ArrayList<>(topDocs.scoreDocs.length);
		for (ScoreDoc scoreDoc : topDocs.scoreDocs) {
			hits.add(new ScoredChunk(chunk(storedFields, scoreDoc.doc), scoreDoc.score));
		}
		return hits;
	}

	private static Chunk chunk(StoredFields storedFields, int doc) throws IOException {
		org.apache.lucene.document.Document d = storedFields.document(doc);
		java.util.Map<String, Object> metadata = LuceneFilters.values(d);
		return new Chunk(d.get(ID), d.get(KNOWLEDGE_BASE), d.get(DOCUMENT), d.get(FILENAME),
				d.getField(PAGE).numericValue().intValue(), d.getField(PAGE_END).numericValue().intValue(),
				d.get(HEADING_PATH), d.getField(ORDINAL).numericValue().intValue(), d.get(TEXT), metadata,
				d.get(TITLE));
	}

	/**
	 * Runs a change, commits it and makes it visible, on the writer's own thread, and
	 * waits for it even if the caller is interrupted meanwhile (its interrupt is kept).
	 * An interrupt during file I/O closes Lucene's channel and with it the IndexWriter,
	 * for every tenant until a restart, and callers do get interrupted: a worker pool
	 * that stops, a sync run whose claim was taken. Lucene leaves this to the application
	 * (see {@code NIOFSDirectory}); no library waits uninterruptibly on a future for us
	 * here.
	 */
	private void write(IndexWork work) {
		Future<?> written = this.writes.submit(() -> {
			work.run();
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
			return null;
		});
		boolean interrupted = false;
		try {
			while (true) {
				try {
					written.get();
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw new UncheckedIOException("Cannot write to the chunk index", io);
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Cannot write to the chunk index", ex.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private <T> T withSearcher(SearchWork<T> work) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the chunk index", ex);
		}
	}

	@Override
	public long copyLastCommit(Path target) throws IOException {
		Assert.notNull(target, "target must not be null");
		// a fresh index has no commit yet: commit the empty index so there is one to copy
		if (!DirectoryReader.indexExists(this.directory)) {
			this.visibility.lock();
			try {
				write(() -> {
				});
			}
			finally {
				this.visibility.unlock();
			}
		}
		IndexCommit commit = this.snapshots.snapshot();
		try (Directory copy = FSDirectory.open(Files.createDirectories(target))) {
			for (String file : commit.getFileNames()) {
				copy.copyFrom(this.directory, file, file, IOContext.DEFAULT);
			}
			copy.sync(commit.getFileNames());
			try (DirectoryReader reader = DirectoryReader.open(commit)) {
				return reader.numDocs();
			}
		}
		finally {
			this.snapshots.release(commit);
			this.writer.deleteUnusedFiles();
		}
	}

	@Override
	public void close() throws IOException {
		// a write under way ends first
		this.writes.close();
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	@FunctionalInterface
	private interface IndexWork {

		void run() throws IOException;

	}

	@FunctionalInterface
	private interface SearchWork<T> {

		T run(IndexSearcher searcher) throws IOException;

	}

}
