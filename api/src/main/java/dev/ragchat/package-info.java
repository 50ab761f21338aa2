/**
 * ragchat: the application, started from {@link dev.ragchat.RagChatApplication}.
 */
package dev.ragchat;
