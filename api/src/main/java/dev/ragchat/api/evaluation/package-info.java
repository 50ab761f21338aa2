/**
 * Evaluations: a golden set (questions, the documents and pages that answer them, and
 * questions to refuse) run in the background through the answer engine with chosen
 * settings, one question at a time and only while no live answer is in progress; scored
 * per question and in total (recall@5, recall@10 and MRR of documents and pages, cited
 * and citing shares, grounded and refusal rates, latency), stored through the
 * {@link dev.ragchat.api.evaluation.EvaluationStore} port, listed, cancelled and
 * compared.
 */
package dev.ragchat.api.evaluation;
