package dev.ragchat.api.access;

import java.util.List;

/**
 * Who owns what a key starts: its lineage, the key and its renewals (and the keys it
 * renewed). The conversations, chat configs and feedback of a key belong to its lineage,
 * so a renewed key takes them up; rights are still those of the key presented, read at
 * each request.
 */
public interface KeyLineages {

	/**
	 * @param keyId a key
	 * @param otherKeyId another key, or {@code null}
	 * @return whether both are of one lineage (a key is of its own)
	 */
	boolean sameLineage(String keyId, String otherKeyId);

	/**
	 * @param keyId a key
	 * @return the ids of every key of its lineage, itself included
	 */
	List<String> lineageOf(String keyId);

}
