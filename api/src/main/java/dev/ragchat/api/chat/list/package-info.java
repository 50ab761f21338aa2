/**
 * A key's conversations, as its list shows them: listed and searched (those it may open
 * now, pinned first, then newest first), named and pinned, and exported with their whole
 * history.
 */
package dev.ragchat.api.chat.list;
