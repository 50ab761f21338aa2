/**
 * Questions about the whole knowledge base (which documents say it, how many, list them
 * all, the figure of each): read from the question ({@link WholeQuestion}), answered by a
 * scan of every document in scope with each passage judged for what it says
 * ({@link Lister}, {@link Says}), counted and cited.
 */
package dev.ragchat.answer.whole;
