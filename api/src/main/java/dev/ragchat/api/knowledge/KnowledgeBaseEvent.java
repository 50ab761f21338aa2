package dev.ragchat.api.knowledge;

import dev.ragchat.api.access.Caller;

/**
 * A knowledge base was created or deleted.
 *
 * @param knowledgeBase its id
 * @param caller who did it
 * @param deleted whether it was deleted (else created)
 */
public record KnowledgeBaseEvent(String knowledgeBase, Caller caller, boolean deleted) {

}
