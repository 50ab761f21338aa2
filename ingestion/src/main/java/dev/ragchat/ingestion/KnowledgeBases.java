package dev.ragchat.ingestion;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.ChunkIndex;

import org.springframework.util.StringUtils;

/**
 * Creates, lists and deletes knowledge bases; a knowledge base records the embedding
 * model its vectors come from. {@code default} always exists.
 */
public final class KnowledgeBases {

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

	private final KnowledgeBaseStore store;

	private final DocumentStore documents;

	private final BlobStore blobs;

	private final ChunkIndex index;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Consumer<String> cancelJob;

	KnowledgeBases(KnowledgeBaseStore store, DocumentStore documents, BlobStore blobs, ChunkIndex index, Clock clock) {
		this(store, documents, blobs, index, clock, (id) -> {
		});
	}

	KnowledgeBases(KnowledgeBaseStore store, DocumentStore documents, BlobStore blobs, ChunkIndex index, Clock clock,
			Consumer<String> cancelJob) {
		this.cancelJob = cancelJob;
		this.store = store;
		this.documents = documents;
		this.blobs = blobs;
		this.index = index;
		this.clock = clock;
	}

	void ensureDefault() {
		this.store.saveIfAbsent(new KnowledgeBase(KnowledgeBase.DEFAULT, "Default",
				"The knowledge base of the seed-compatible routes;"
						+ " usable by keys whose knowledgeBases include \"default\" or \"*\"",
				this.index.embeddingModel(), this.index.dimensions(), this.clock.instant()));
	}

	public KnowledgeBase create(String name, String description) {
		if (!StringUtils.hasText(name) || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInputException("name is required: at most 200 characters, no control characters");
		}
		if (description != null && description.length() > 2000) {
			throw new RejectedInputException("description may be at most 2000 characters");
		}
		KnowledgeBase kb = new KnowledgeBase("kb_" + randomId(), name.strip(), description, this.index.embeddingModel(),
				this.index.dimensions(), this.clock.instant());
		this.store.saveIfAbsent(kb);
		return kb;
	}

	/**
	 * A chat session's own knowledge base (for the files dropped into it), created the
	 * first time it is asked for.
	 * @param id its id, the session's ({@link KnowledgeBase#isPrivate})
	 * @param name a display name
	 * @return the knowledge base
	 */
	public KnowledgeBase ensurePrivate(String id, String name) {
		if (!KnowledgeBase.isPrivate(id)) {
			throw new IllegalArgumentException("Not a session's knowledge base: " + id);
		}
		this.store.saveIfAbsent(new KnowledgeBase(id, name, "Files dropped into one chat session, deleted with it",
				this.index.embeddingModel(), this.index.dimensions(), this.clock.instant()));
		return get(id);
	}

	/**
	 * @param id a knowledge base id
	 * @return whether it exists
	 */
	public boolean exists(String id) {
		return this.store.findById(id).isPresent();
	}

	public List<KnowledgeBase> list() {
		return this.store.findAll();
	}

	/**
	 * @param id a knowledge base id
	 * @return the knowledge base
	 * @throws NotFoundException if there is none
	 */
	public KnowledgeBase get(String id) {
		return this.store.findById(id).orElseThrow(() -> new NotFoundException("No knowledge base '" + id + "'"));
	}

	/**
	 * @param id a knowledge base id
	 * @return the knowledge base, checked to be searchable: this server has an index of
	 * the embedding model it was built with
	 */
	public KnowledgeBase searchable(String id) {
		KnowledgeBase kb = get(id);
		if (!this.index.serves(kb.embeddingModel(), kb.dimensions())) {
			throw new RejectedInputException("Knowledge base '" + id + "' was built with " + kb.embeddingModel() + " ("
					+ kb.dimensions() + " dimensions) but this server embeds with " + this.index.embeddingModel()
					+ " and has no index of that model; its vectors cannot be mixed");
		}
		return kb;
	}

	/**
	 * Deletes a knowledge base with its documents, chunks and originals. The documents
	 * leave the catalog first (their running jobs stop), then their chunks go: a worker
	 * that was about to write chunks finds its document gone and writes none.
	 * @param id the knowledge base
	 */
	public void delete(String id) {
		get(id);
		if (KnowledgeBase.DEFAULT.equals(id)) {
			throw new RejectedInputException("The default knowledge base cannot be deleted (its documents can)");
		}
		List<Document> documents = this.documents.findByKnowledgeBase(id);
		for (Document document : documents) {
			this.documents.delete(document.id());
			this.cancelJob.accept(document.id());
		}
		this.index.deleteKnowledgeBase(id);
		this.documents.deleteIdempotencyKeys(id);
		for (Document document : documents) {
			try {
				for (String key : document.blobKeys()) {
					this.blobs.delete(key);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot delete the original of " + document.id(), ex);
			}
		}
		this.store.delete(id);
	}

	private String randomId() {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			id.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
