package dev.ragchat.api.media;

import java.time.Instant;

/**
 * An image or audio file a caller stored to attach to its messages (or a file handed in
 * for an extraction). The bytes are in the blob store under {@link #blobKey()}.
 *
 * @param id its id
 * @param ownerKey the API key that stored it (directly or through one of its sessions)
 * @param mediaType its media type, from its content
 * @param sizeBytes its size
 * @param createdAt when it was stored
 */
public record MediaFile(String id, String ownerKey, String mediaType, long sizeBytes, Instant createdAt) {

	public boolean isAudio() {
		return this.mediaType.startsWith("audio/");
	}

	public boolean isImage() {
		return this.mediaType.startsWith("image/");
	}

	/**
	 * @return where its bytes are in the blob store (no knowledge base id starts with an
	 * underscore, so this never meets a document's key)
	 */
	public String blobKey() {
		return "_media/" + this.id;
	}

}
