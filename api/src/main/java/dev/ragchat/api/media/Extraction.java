package dev.ragchat.api.media;

import java.time.Instant;

/**
 * Fields extracted from a file or a document, valid against the schema they were asked
 * for.
 *
 * @param id its id
 * @param ownerKey the API key that asked for it
 * @param knowledgeBase the document's knowledge base, or {@code null} for a file
 * @param documentId the document it was extracted from, or {@code null} for a file
 * @param mediaId the stored file it was extracted from, or {@code null} for a document
 * @param schema the JSON Schema, as sent
 * @param fields the extracted fields, a JSON object
 * @param model the model that extracted them
 * @param createdAt when
 */
public record Extraction(String id, String ownerKey, String knowledgeBase, String documentId, String mediaId,
		String schema, String fields, String model, Instant createdAt) {

}
