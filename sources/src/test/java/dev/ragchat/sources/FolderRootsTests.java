package dev.ragchat.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.UnprocessableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The allow-list of folder sources: only folders under a root, symbolic links resolved.
 */
class FolderRootsTests {

	@TempDir
	Path dir;

	Path root;

	FolderRoots roots;

	@BeforeEach
	void roots() throws Exception {
		this.root = Files.createDirectories(this.dir.resolve("root"));
		Files.createDirectories(this.root.resolve("manuals"));
		Files.createDirectories(this.dir.resolve("elsewhere"));
		this.roots = new FolderRoots(List.of(this.root));
	}

	@Test
	void acceptsAFolderUnderARootAsItsRealPath() throws Exception {
		assertThat(this.roots.check(this.root.resolve("manuals").toString()))
			.isEqualTo(this.root.resolve("manuals").toRealPath());
		assertThat(this.roots.check(this.root.toString())).isEqualTo(this.root.toRealPath());
	}

	@Test
	void refusesAFolderOutsideEveryRootNamingTheSettingButNotTheRoots() {
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.roots.check(this.dir.resolve("elsewhere").toString()))
			.withMessageContaining("is outside the roots of RAGCHAT_SYNC_FOLDER_ROOTS")
			.withMessageNotContaining(this.root.toString());
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.roots.check("/etc"))
			.withMessageContaining("RAGCHAT_SYNC_FOLDER_ROOTS");
	}

	@Test
	void refusesDotDotAndSymbolicLinksThatLeaveTheRoot() throws Exception {
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.roots.check(this.root + "/manuals/../../elsewhere"))
			.withMessageContaining("is outside the roots");
		Files.createSymbolicLink(this.root.resolve("shortcut"), this.dir.resolve("elsewhere"));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.roots.check(this.root.resolve("shortcut").toString()))
			.withMessageContaining("is outside the roots")
			.withMessageContaining("symbolic links may not lead out of them");
	}

	@Test
	void tellsNothingOfWhatExistsOutsideTheRoots() {
		String missing = this.dir.resolve("no-such-folder").toString();
		String existing = this.dir.resolve("elsewhere").toString();
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.roots.check(missing))
			.withMessage("Folder '" + missing
					+ "' is outside the roots of RAGCHAT_SYNC_FOLDER_ROOTS; symbolic links may not lead out of them");
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.roots.check(existing))
			.withMessage("Folder '" + existing
					+ "' is outside the roots of RAGCHAT_SYNC_FOLDER_ROOTS; symbolic links may not lead out of them");
	}

	@Test
	void refusesRelativePathsFilesAndMissingFolders() throws Exception {
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.roots.check("manuals"))
			.withMessage("path 'manuals' must be absolute");
		Files.writeString(this.root.resolve("a.txt"), "a");
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.roots.check(this.root.resolve("a.txt").toString()))
			.withMessageEndingWith("is not a folder");
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> this.roots.check(this.root.resolve("missing").toString()))
			.withMessageStartingWith("No folder");
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> this.roots.check(" "))
			.withMessageContaining("needs 'path'");
	}

	@Test
	void aRootContainingTheDataDirectoryIsRefusedUnlessTheOperatorAllowsIt() throws Exception {
		Path data = Files.createDirectories(this.root.resolve("ragchat/data"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.roots.checkAgainst(data, false))
			.withMessageContaining("the root " + this.root + " contains the data directory " + data)
			.withMessageContaining("RAGCHAT_SYNC_ALLOW_ROOT_CONTAINING_DATA_DIR=true");
		// through a symbolic link too
		Path link = Files.createSymbolicLink(this.dir.resolve("data-link"), data);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.roots.checkAgainst(link, false))
			.withMessageContaining("contains the data directory");
		this.roots.checkAgainst(data, true);
		this.roots.checkAgainst(this.dir.resolve("elsewhere"), false);
	}

	@Test
	void aRootInsideTheDataDirectoryIsRefusedEvenWhenAllowed() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.roots.checkAgainst(this.dir, true))
			.withMessageContaining("the root " + this.root + " lies inside the data directory " + this.dir);
	}

	@Test
	void folderSourcesAreOffWithoutRoots() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> new FolderRoots(List.of()).check(this.root.toString()))
			.withMessageStartingWith("Folder sources are off: set RAGCHAT_SYNC_FOLDER_ROOTS");
	}

}
