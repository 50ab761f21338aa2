/**
 * Files dropped into a conversation: read into the session's own knowledge base, asked
 * there only, deleted with the session.
 */
package dev.ragchat.api.chat.files;
