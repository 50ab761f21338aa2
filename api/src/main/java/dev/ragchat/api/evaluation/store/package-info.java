/**
 * The evaluation store's adapters: the embedded SQL catalog and MongoDB.
 */
package dev.ragchat.api.evaluation.store;
