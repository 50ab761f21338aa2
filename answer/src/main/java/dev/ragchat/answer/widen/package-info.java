/**
 * The post-retrieval steps of the answer engine, after the judge: the sources an answer
 * is written from, read wider ({@link dev.ragchat.answer.widen.SourcesProcessor}: a
 * summary's document in focus, a paginated source's page).
 */
package dev.ragchat.answer.widen;
