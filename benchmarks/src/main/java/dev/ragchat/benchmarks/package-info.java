/**
 * Reproducible measurements of ragchat's modules (not tests); see docs/benchmarks.md.
 */
package dev.ragchat.benchmarks;
