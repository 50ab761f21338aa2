package dev.ragchat.answer.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny random-weight model in GGUF (version 3, little-endian, alignment 32) that
 * llama.cpp loads as a {@code llama} model with a SentencePiece-style ({@code llama})
 * vocabulary: a few hundred KB, loaded and run in milliseconds. Hand-written because no
 * Java library writes GGUF (the format's own writer is Python, {@code gguf-py}); the
 * layout follows {@code ggml/docs/gguf.md}: header, metadata key-values, tensor infos
 * (dimensions innermost first), padding, then the tensor data, each tensor aligned.
 * <p>
 * The weights are random, except that dimension 0 of every token's embedding is a large
 * constant that no block writes to: after the final norm that dimension is positive
 * whatever the input, and the output rows use it to keep the control and byte tokens out
 * of the answer (a strongly negative logit) and, when {@code endsAtOnce}, to make the end
 * of text the only likely token. So the model babbles words of its vocabulary until the
 * token limit, or ends at once; what it says means nothing.
 */
final class TinyGguf {

	static final int EMBEDDING = 32;

	static final int FEED_FORWARD = 64;

	static final int HEADS = 4;

	static final int BLOCKS = 2;

	static final int CONTEXT = 2048;

	private static final int ALIGNMENT = 32;

	// GGUF metadata value types
	private static final int UINT32 = 4;

	private static final int INT32 = 5;

	private static final int FLOAT32 = 6;

	private static final int STRING = 8;

	private static final int ARRAY = 9;

	// llama.cpp's token types
	private static final int NORMAL = 1;

	private static final int UNKNOWN = 2;

	private static final int CONTROL = 3;

	private static final int BYTE = 6;

	private static final String[] WORDS = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
			"india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
			"tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "one", "two", "three", "four", "five",
			"six", "seven", "eight", "nine", "ten", "source", "answer", "model", "text", "word" };

	private final ByteArrayBuilder out = new ByteArrayBuilder();

	private int keys;

	private TinyGguf() {
	}

	/**
	 * @param file where to write the model
	 * @param endsAtOnce whether the end-of-text token is (nearly) certain from the first
	 * token on, instead of (nearly) impossible
	 * @return the file
	 */
	static Path write(Path file, boolean endsAtOnce) throws IOException {
		List<String> tokens = new ArrayList<>();
		List<Integer> types = new ArrayList<>();
		tokens.add("<unk>");
		types.add(UNKNOWN);
		tokens.add("<s>");
		types.add(CONTROL);
		tokens.add("</s>");
		types.add(CONTROL);
		for (int b = 0; b < 256; b++) {
			tokens.add("<0x%02X>".formatted(b));
			types.add(BYTE);
		}
		for (String word : WORDS) {
			tokens.add("\u2581" + word);
			types.add(NORMAL);
		}
		int vocab = tokens.size();
		Map<String, float[][]> tensors = tensors(vocab, types, endsAtOnce);

		TinyGguf gguf = new TinyGguf();
		ByteArrayBuilder o = gguf.out;
		o.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
		o.u32(3);
		o.u64(tensors.size());
		o.u64(0); // the number of key-values, written once known
		gguf.string("general.architecture", "llama");
		gguf.string("general.name", "ragchat tiny random llama");
		gguf.u32("llama.context_length", CONTEXT);
		gguf.u32("llama.embedding_length", EMBEDDING);
		gguf.u32("llama.block_count", BLOCKS);
		gguf.u32("llama.feed_forward_length", FEED_FORWARD);
		gguf.u32("llama.attention.head_count", HEADS);
		gguf.u32("llama.attention.head_count_kv", HEADS);
		gguf.u32("llama.rope.dimension_count", EMBEDDING / HEADS);
		gguf.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
		gguf.string("tokenizer.ggml.model", "llama");
		gguf.key("tokenizer.ggml.tokens", ARRAY);
		o.u32(STRING);
		o.u64(vocab);
		tokens.forEach(o::string);
		gguf.key("tokenizer.ggml.scores", ARRAY);
		o.u32(FLOAT32);
		o.u64(vocab);
		for (int i = 0; i < vocab; i++) {
			o.f32((types.get(i) == NORMAL) ? -i : 0f);
		}
		gguf.key("tokenizer.ggml.token_type", ARRAY);
		o.u32(INT32);
		o.u64(vocab);
		types.forEach(o::u32);
		gguf.u32("tokenizer.ggml.bos_token_id", 1);
		gguf.u32("tokenizer.ggml.eos_token_id", 2);

		o.putU64(16, gguf.keys);
		long offset = 0;
		for (Map.Entry<String, float[][]> tensor : tensors.entrySet()) {
			float[][] rows = tensor.getValue();
			o.string(tensor.getKey());
			boolean vector = rows.length == 1;
			o.u32(vector ? 1 : 2);
			// innermost (a row's length) first
			o.u64(rows[0].length);
			if (!vector) {
				o.u64(rows.length);
			}
			o.u32(0); // F32
			o.u64(offset);
			offset = aligned(offset + 4L * rows.length * rows[0].length);
		}
		o.pad();
		for (float[][] rows : tensors.values()) {
			for (float[] row : rows) {
				for (float value : row) {
					o.f32(value);
				}
			}
			o.pad();
		}
		try (OutputStream stream = Files.newOutputStream(file)) {
			stream.write(o.toByteArray());
		}
		return file;
	}

	private static Map<String, float[][]> tensors(int vocab, List<Integer> types, boolean endsAtOnce) {
		Random random = new Random(22);
		Map<String, float[][]> tensors = new LinkedHashMap<>();
		float[][] embeddings = random(random, vocab, EMBEDDING, 0.1f);
		for (float[] embedding : embeddings) {
			embedding[0] = 4f;
		}
		tensors.put("token_embd.weight", embeddings);
		tensors.put("output_norm.weight", ones(EMBEDDING));
		float[][] output = random(random, vocab, EMBEDDING, 0.5f);
		for (int token = 0; token < vocab; token++) {
			boolean end = token == 2;
			if (end) {
				output[token] = new float[EMBEDDING];
				output[token][0] = endsAtOnce ? 20f : -20f;
			}
			else {
				output[token][0] = (types.get(token) == NORMAL) ? 0f : -20f;
			}
		}
		tensors.put("output.weight", output);
		for (int block = 0; block < BLOCKS; block++) {
			String name = "blk." + block + ".";
			tensors.put(name + "attn_norm.weight", ones(EMBEDDING));
			tensors.put(name + "attn_q.weight", random(random, EMBEDDING, EMBEDDING, 0.2f));
			tensors.put(name + "attn_k.weight", random(random, EMBEDDING, EMBEDDING, 0.2f));
			tensors.put(name + "attn_v.weight", random(random, EMBEDDING, EMBEDDING, 0.2f));
			tensors.put(name + "attn_output.weight", writesNothingTo0(random(random, EMBEDDING, EMBEDDING, 0.05f)));
			tensors.put(name + "ffn_norm.weight", ones(EMBEDDING));
			tensors.put(name + "ffn_gate.weight", random(random, FEED_FORWARD, EMBEDDING, 0.2f));
			tensors.put(name + "ffn_up.weight", random(random, FEED_FORWARD, EMBEDDING, 0.2f));
			tensors.put(name + "ffn_down.weight", writesNothingTo0(random(random, EMBEDDING, FEED_FORWARD, 0.05f)));
		}
		return tensors;
	}

	/** A matrix whose output row 0 (dimension 0 of the residual stream) is zero. */
	private static float[][] writesNothingTo0(float[][] rows) {
		rows[0] = new float[rows[0].length];
		return rows;
	}

	private static float[][] random(Random random, int rows, int columns, float scale) {
		float[][] matrix = new float[rows][columns];
		for (float[] row : matrix) {
			for (int i = 0; i < columns; i++) {
				row[i] = (float) (random.nextGaussian() * scale);
			}
		}
		return matrix;
	}

	private static float[][] ones(int length) {
		float[] row = new float[length];
		java.util.Arrays.fill(row, 1f);
		return new float[][] { row };
	}

	private static long aligned(long offset) {
		return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
	}

	private void key(String key, int type) {
		this.keys++;
		this.out.string(key);
		this.out.u32(type);
	}

	private void string(String key, String value) {
		key(key, STRING);
		this.out.string(value);
	}

	private void u32(String key, int value) {
		key(key, UINT32);
		this.out.u32(value);
	}

	private void f32(String key, float value) {
		key(key, FLOAT32);
		this.out.f32(value);
	}

	/** Little-endian bytes. */
	private static final class ByteArrayBuilder {

		private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

		private void room(int bytes) {
			if (this.buffer.remaining() < bytes) {
				ByteBuffer larger = ByteBuffer
					.allocate(Math.max(this.buffer.capacity() * 2, this.buffer.position() + bytes))
					.order(ByteOrder.LITTLE_ENDIAN);
				this.buffer.flip();
				larger.put(this.buffer);
				this.buffer = larger;
			}
		}

		void bytes(byte[] bytes) {
			room(bytes.length);
			this.buffer.put(bytes);
		}

		void u32(int value) {
			room(4);
			this.buffer.putInt(value);
		}

		void u64(long value) {
			room(8);
			this.buffer.putLong(value);
		}

		void putU64(int index, long value) {
			this.buffer.putLong(index, value);
		}

		void f32(float value) {
			room(4);
			this.buffer.putFloat(value);
		}

		/**
		 * A GGUF string: its length in bytes (uint64), then UTF-8 without a terminator.
		 */
		void string(String value) {
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			u64(bytes.length);
			bytes(bytes);
		}

		void pad() {
			int padding = (int) (aligned(this.buffer.position()) - this.buffer.position());
			bytes(new byte[padding]);
		}

		byte[] toByteArray() {
			byte[] bytes = new byte[this.buffer.position()];
			this.buffer.flip();
			this.buffer.get(bytes);
			return bytes;
		}

	}

}
