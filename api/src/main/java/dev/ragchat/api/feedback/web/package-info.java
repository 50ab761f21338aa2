/**
 * Feedback endpoints: rating an answer with its session's token, listing a knowledge
 * base's ratings with a key that may use it.
 */
package dev.ragchat.api.feedback.web;
