package dev.ragchat.api.evaluation;

import java.util.List;

/**
 * A line of a golden set as it is sent: one JSON object a line, read with Jackson once it
 * is found valid against its JSON Schema, {@code golden-set-line.schema.json} beside this
 * class ({@link GoldenSetSchema}; docs/api.md#evaluations). These are the only fields; a
 * benchmark's own layout (FinanceBench, MTRAG, the held-out corpora) is converted to them
 * by {@code benchmarks/eval/golden_set.py}.
 *
 * @param id the question's id, unique in the golden set, or {@code null} for
 * {@code line-<n>}
 * @param question the question
 * @param documents the documents that answer it (by id, file name, or file name without
 * the extension), or {@code null}
 * @param pages the pages that answer it (counted from 1), or {@code null}; their
 * documents are expected documents too
 * @param refuse whether the documents do not answer it (so does a question that names no
 * document and no page)
 * @param answer a reference answer, or {@code null}
 * @param history the conversation before the question, oldest first, or {@code null}
 */
public record GoldenSetLine(String id, String question, List<String> documents, List<GoldenSet.Page> pages,
		boolean refuse, String answer, List<GoldenSet.Turn> history) {

}
