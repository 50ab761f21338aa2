package dev.ragchat.retrieval.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The BERT graph for a run of one text: the same ONNX model with the attention mask's
 * addition to every layer's attention scores taken out. A run of one text has no padding,
 * so its attention mask is all ones and that addition adds zeros: the vectors are the
 * same, bit for bit, while each layer no longer broadcasts a mask over its heads ×
 * tokens² scores (13 % of the model's time in ONNX Runtime's profile of filing chunks:
 * docs/decisions/0028-ingestion-speed.md).
 * <p>
 * Hand-written on the protobuf wire format (ONNX's {@code ModelProto}): neither ONNX's
 * protobuf classes nor a graph editor is on the classpath (ONNX Runtime's Java API loads
 * models but cannot change them, and onnx's own tools are Python). Only the fields it
 * needs are read; every other field is copied as it is.
 */
final class UnpaddedGraph {

	// ModelProto.graph, GraphProto.node and GraphProto.input, NodeProto's fields
	private static final int MODEL_GRAPH = 7;

	private static final int GRAPH_NODE = 1;

	private static final int GRAPH_INPUT = 11;

	private static final int VALUE_INFO_NAME = 1;

	private static final int NODE_INPUT = 1;

	private static final int NODE_OUTPUT = 2;

	private static final int NODE_OP_TYPE = 4;

	private static final int NODE_DOMAIN = 7;

	private UnpaddedGraph() {
	}

	/**
	 * @param model an ONNX model whose input {@code maskInput} is the attention mask
	 * @param maskInput the attention mask's input name
	 * @return the model with every {@code Add} of a tensor computed from the mask alone
	 * replaced by an {@code Identity} of its other operand
	 * @throws IllegalArgumentException if the model has no such addition (another graph
	 * than the one this was written for)
	 */
	static byte[] withoutMaskAdditions(byte[] model, String maskInput) {
		List<Field> modelFields = Field.parse(model);
		ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
		int replaced = 0;
		for (Field field : modelFields) {
			if (field.number == MODEL_GRAPH) {
				Graph graph = withoutMaskAdditions(Field.parse(field.bytes), maskInput);
				replaced += graph.replaced;
				new Field(MODEL_GRAPH, Field.LENGTH_DELIMITED, 0, graph.bytes).writeTo(out);
			}
			else {
				field.writeTo(out);
			}
		}
		if (replaced == 0) {
			throw new IllegalArgumentException("The model adds no tensor computed from " + maskInput + " alone");
		}
		return out.toByteArray();
	}

	private static Graph withoutMaskAdditions(List<Field> graphFields, String maskInput) {
		// the tensors computed from the mask alone (with constants) and those computed
		// from another input; nodes are in topological order
		Set<String> fromMask = new HashSet<>();
		fromMask.add(maskInput);
		Set<String> fromOthers = new HashSet<>();
		for (Field field : graphFields) {
			if (field.number == GRAPH_INPUT) {
				String name = Field.parse(field.bytes)
					.stream()
					.filter((f) -> f.number == VALUE_INFO_NAME)
					.map(Field::string)
					.findFirst()
					.orElse("");
				if (!name.equals(maskInput)) {
					fromOthers.add(name);
				}
			}
		}
		for (Field field : graphFields) {
			if (field.number != GRAPH_NODE) {
				continue;
			}
			Node node = Node.parse(field.bytes);
			if (node.inputs.stream().anyMatch(fromOthers::contains)) {
				fromOthers.addAll(node.outputs);
			}
			else if (node.inputs.stream().anyMatch(fromMask::contains)) {
				fromMask.addAll(node.outputs);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int replaced = 0;
		for (Field field : graphFields) {
			Node node = (field.number == GRAPH_NODE) ? Node.parse(field.bytes) : null;
			if (node != null && node.opType.equals("Add") && node.domain.isEmpty() && node.inputs.size() == 2
					&& masks(node.inputs.get(0), node.inputs.get(1), fromMask, fromOthers) != masks(node.inputs.get(1),
							node.inputs.get(0), fromMask, fromOthers)) {
				String kept = masks(node.inputs.get(0), node.inputs.get(1), fromMask, fromOthers) ? node.inputs.get(1)
						: node.inputs.get(0);
				new Field(GRAPH_NODE, Field.LENGTH_DELIMITED, 0, node.identityOf(kept)).writeTo(out);
				replaced++;
			}
			else {
				field.writeTo(out);
			}
		}
		return new Graph(out.toByteArray(), replaced);
	}

	/**
	 * Whether {@code mask} is computed from the mask alone and added to {@code other}.
	 */
	private static boolean masks(String mask, String other, Set<String> fromMask, Set<String> fromOthers) {
		return fromMask.contains(mask) && fromOthers.contains(other);
	}

	private record Graph(byte[] bytes, int replaced) {

	}

	/** A node's inputs, outputs, operator and domain, and its fields as read. */
	private record Node(List<Field> fields, List<String> inputs, List<String> outputs, String opType, String domain) {

		static Node parse(byte[] bytes) {
			List<Field> fields = Field.parse(bytes);
			List<String> inputs = new ArrayList<>();
			List<String> outputs = new ArrayList<>();
			String opType = "";
			String domain = "";
			for (Field field : fields) {
				switch (field.number) {
					case NODE_INPUT -> inputs.add(field.string());
					case NODE_OUTPUT -> outputs.add(field.string());
					case NODE_OP_TYPE -> opType = field.string();
					case NODE_DOMAIN -> domain = field.string();
					default -> {
					}
				}
			}
			return new Node(fields, inputs, outputs, opType, domain);
		}

		/**
		 * The same node (name, outputs) as an Identity of one input, its attributes
		 * dropped.
		 */
		byte[] identityOf(String input) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Field.text(NODE_INPUT, input).writeTo(out);
			for (Field field : this.fields) {
				switch (field.number) {
					case NODE_INPUT, NODE_OP_TYPE, 5 -> {
						// the inputs, operator and attributes are the Identity's
					}
					default -> field.writeTo(out);
				}
			}
			Field.text(NODE_OP_TYPE, "Identity").writeTo(out);
			return out.toByteArray();
		}

	}

	/** One field of a protobuf message: its number, wire type and value. */
	private record Field(int number, int wireType, long varint, byte[] bytes) {

		static final int VARINT = 0;

		static final int FIXED64 = 1;

		static final int LENGTH_DELIMITED = 2;

		static final int FIXED32 = 5;

		static Field text(int number, String value) {
			return new Field(number, LENGTH_DELIMITED, 0, value.getBytes(StandardCharsets.UTF_8));
		}

		String string() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		static List<Field> parse(byte[] bytes) {
			List<Field> fields = new ArrayList<>();
			int[] at = { 0 };
			while (at[0] < bytes.length) {
				long key = readVarint(bytes, at);
				int number = (int) (key >>> 3);
				int wireType = (int) (key & 7);
				switch (wireType) {
					case VARINT -> fields.add(new Field(number, wireType, readVarint(bytes, at), null));
					case FIXED64, FIXED32 -> {
						int size = (wireType == FIXED64) ? 8 : 4;
						fields.add(new Field(number, wireType, 0, slice(bytes, at, size)));
					}
					case LENGTH_DELIMITED -> {
						long size = readVarint(bytes, at);
						if (size < 0 || size > bytes.length - at[0]) {
							throw new IllegalArgumentException("Not an ONNX model: a field runs past the end");
						}
						fields.add(new Field(number, wireType, 0, slice(bytes, at, (int) size)));
					}
					default -> throw new IllegalArgumentException("Not an ONNX model: wire type " + wireType);
				}
			}
			return fields;
		}

		private static byte[] slice(byte[] bytes, int[] at, int size) {
			if (size > bytes.length - at[0]) {
				throw new IllegalArgumentException("Not an ONNX model: a field runs past the end");
			}
			byte[] slice = java.util.Arrays.copyOfRange(bytes, at[0], at[0] + size);
			at[0] += size;
			return slice;
		}

		private static long readVarint(byte[] bytes, int[] at) {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				if (at[0] >= bytes.length) {
					throw new IllegalArgumentException("Not an ONNX model: a number runs past the end");
				}
				byte b = bytes[at[0]++];
				value |= (long) (b & 0x7f) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("Not an ONNX model: a number longer than 64 bits");
		}

		private static void writeVarint(ByteArrayOutputStream out, long value) {
			long v = value;
			while ((v & ~0x7fL) != 0) {
				out.write((int) ((v & 0x7f) | 0x80));
				v >>>= 7;
			}
			out.write((int) v);
		}

		void writeTo(ByteArrayOutputStream out) {
			writeVarint(out, ((long) this.number << 3) | this.wireType);
			switch (this.wireType) {
				case VARINT -> writeVarint(out, this.varint);
				case LENGTH_DELIMITED -> {
					writeVarint(out, this.bytes.length);
					out.writeBytes(this.bytes);
				}
				default -> out.writeBytes(this.bytes);
			}
		}

	}

}
