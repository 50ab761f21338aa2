/**
 * The evaluations API: {@code /api/v1/knowledge-bases/{kb}/evaluations}.
 */
package dev.ragchat.api.evaluation.web;
