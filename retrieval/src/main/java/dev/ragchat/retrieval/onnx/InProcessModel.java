package dev.ragchat.retrieval.onnx;

/**
 * An embedding model that runs in process: its int8 ONNX graph and tokenizer come from a
 * Maven Central jar (LangChain4j's model jars, taken for their files only), so nothing is
 * downloaded at run time.
 *
 * @param name the name a knowledge base records
 * @param graph the ONNX file on the classpath
 * @param tokenizer the tokenizer file on the classpath
 * @param pooling how a text's vector is made of its tokens' states
 * @param queryInstruction what the model expects in front of a query (never in front of a
 * passage), or nothing
 * @param maxTokens the word pieces it reads of a text, its two special tokens included;
 * the rest of a longer text is left out
 * @param dimensions of its vectors
 */
public record InProcessModel(String name, String graph, String tokenizer, Pooling pooling, String queryInstruction,
		int maxTokens, int dimensions) {

	/**
	 * BAAI bge-small-en-v1.5: 12 layers, trained for its CLS token on texts of up to 512
	 * word pieces. The server's own model: it counts the chunks' tokens and embeds the
	 * answers' sentences whatever the index's model.
	 */
	public static final InProcessModel BGE_SMALL = new InProcessModel("bge-small-en-v1.5", "bge-small-en-v1.5-q.onnx",
			"bge-small-en-v1.5-q-tokenizer.json", Pooling.CLS,
			"Represent this sentence for searching relevant passages: ", 512, 384);

	/**
	 * sentence-transformers all-MiniLM-L6-v2: 6 layers (half of bge-small's),
	 * mean-pooled, trained on texts of up to 128 word pieces and cut at 256 by Sentence
	 * Transformers, as here: a chunk's later part beyond that is not in its vector. The
	 * same word pieces as bge-small, so chunks are cut the same
	 * (docs/decisions/0028-ingestion-speed.md).
	 */
	public static final InProcessModel MINILM = new InProcessModel("all-minilm-l6-v2", "all-minilm-l6-v2-q.onnx",
			"all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "", 256, 384);

	/**
	 * How a text's vector is made of its tokens' last hidden states.
	 */
	public enum Pooling {

		/** The first token's state. */
		CLS,

		/** The mean of the states of the text's tokens (padding left out). */
		MEAN

	}

}
