/**
 * Feedback on answers: a thumbs up or down, with an optional reason, per answer; stored
 * through the {@link dev.ragchat.api.feedback.FeedbackStore} port and listed per
 * knowledge base.
 */
package dev.ragchat.api.feedback;
