package dev.ragchat.sources.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * What a sync may copy, as an upload may: a file at most the upload limit
 * ({@code spring.servlet.multipart.max-file-size}), told from its size on disk or its
 * listed size before a byte is copied; and no copy that would leave less than the
 * free-space floor ({@code ragchat.sync.min-free-space}) on the disk of the originals or
 * of S3 downloads.
 *
 * @param maxFileSize the most bytes a file may have, or -1 for no limit
 * @param minFreeSpace the bytes a copy leaves free, or 0 for no floor
 * @param disks the folders whose disks a copy fills
 */
public record SyncLimits(long maxFileSize, long minFreeSpace, List<Disk> disks) {

	/** No limits. */
	public static final SyncLimits NONE = new SyncLimits(-1, 0, List.of());

	/** The free-space floor of syncs, as an environment variable. */
	public static final String MIN_FREE_SPACE = "RAGCHAT_SYNC_MIN_FREE_SPACE";

	/** The upload limit's setting, for messages. */
	static final String UPLOAD_LIMIT = "SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE";

	public SyncLimits {
		disks = List.copyOf(disks);
	}

	/**
	 * @param size a file's size in bytes, or -1 if unknown
	 * @return why it is not copied, or {@code null}
	 */
	public String tooLarge(long size) {
		if (this.maxFileSize < 0 || size <= this.maxFileSize) {
			return null;
		}
		return tooLarge(size, this.maxFileSize);
	}

	static String tooLarge(long size, long maxFileSize) {
		return "it has " + size + " bytes, more than the upload limit of " + maxFileSize + " bytes (" + UPLOAD_LIMIT
				+ "); not copied";
	}

	/**
	 * @param path the file's path in the source
	 * @param size the bytes about to be copied
	 * @throws FloorReached if they would leave less than the floor on one of the disks
	 */
	public void ensureRoom(String path, long size) throws FloorReached {
		if (this.minFreeSpace <= 0) {
			return;
		}
		for (Disk disk : this.disks) {
			long free;
			try {
				free = Files.getFileStore(existing(disk.folder())).getUsableSpace();
			}
			catch (IOException ex) {
				// a disk that cannot be asked is not held against the sync
				continue;
			}
			if (free - Math.max(size, 0) < this.minFreeSpace) {
				throw new FloorReached("Stopped at " + path + ": copying its " + Math.max(size, 0)
						+ " bytes would leave less than " + DataSize.ofBytes(this.minFreeSpace).toMegabytes()
						+ " MB free (" + MIN_FREE_SPACE + ") on the disk of " + disk.what() + " ("
						+ DataSize.ofBytes(free).toMegabytes() + " MB free). The files before it were synced, none"
						+ " after it, and nothing was deleted");
			}
		}
	}

	private static Path existing(Path folder) {
		Path path = folder.toAbsolutePath();
		while (path != null && !Files.exists(path)) {
			path = path.getParent();
		}
		return (path != null) ? path : folder.toAbsolutePath().getRoot();
	}

	/**
	 * A folder a sync copies into.
	 *
	 * @param what what it holds, for messages
	 * @param folder where it is
	 */
	public record Disk(String what, Path folder) {

	}

	/**
	 * A copy would go below the free-space floor: the run stops there.
	 */
	public static final class FloorReached extends Exception {

		FloorReached(String message) {
			super(message);
		}

	}

}
