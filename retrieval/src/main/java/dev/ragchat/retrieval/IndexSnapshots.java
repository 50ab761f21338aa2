package dev.ragchat.retrieval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index kept in files that can be copied while it serves and is written to: the copy
 * is one commit point, whole, whatever writes go on meanwhile. The embedded (Lucene)
 * index is one; an index kept by a database service (Atlas) is backed up by that
 * service's own tools instead.
 */
public interface IndexSnapshots {

	/**
	 * Copies the index's last commit into a directory, as it stood when the copy began.
	 * Writes go on meanwhile; the files of the commit are kept until the copy ends.
	 * @param target an empty directory; it becomes an index that opens on its own
	 * @return how many chunks the copied commit holds
	 * @throws IOException if a file cannot be read or written
	 */
	long copyLastCommit(Path target) throws IOException;

}
