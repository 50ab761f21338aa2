/**
 * The HTTP application: the data directory, private files, and the feature packages
 * below.
 */
package dev.ragchat.api;
