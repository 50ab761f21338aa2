/**
 * The query stage: a follow-up becomes a question that stands on its own (a language
 * model compresses the conversation, or without one the previous question joins a short
 * follow-up).
 */
package dev.ragchat.answer.query;
