/**
 * The people store's adapters: the embedded catalog (JDBC) and MongoDB.
 */
package dev.ragchat.api.people.store;
