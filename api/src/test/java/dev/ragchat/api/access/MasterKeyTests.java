package dev.ragchat.api.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class MasterKeyTests {

	@TempDir
	Path dataDir;

	@Test
	void generatesKeyIntoDataDirectoryOwnerOnlyAndLogsOnlyItsPath(CapturedOutput output) throws Exception {
		MasterKey master = MasterKey.of(null, this.dataDir);
		Path file = this.dataDir.resolve(MasterKey.FILE_NAME);
		String key = Files.readString(file).strip();
		assertThat(master.matches(key)).isTrue();
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(output).contains(file.toString()).doesNotContain(key);
	}

	@Test
	void reusesGeneratedKeyAfterRestart() throws Exception {
		MasterKey.of("", this.dataDir);
		String key = Files.readString(this.dataDir.resolve(MasterKey.FILE_NAME)).strip();
		assertThat(MasterKey.of("", this.dataDir).matches(key)).isTrue();
	}

	@Test
	void usesConfiguredKeyAndWritesNothing() {
		MasterKey master = MasterKey.of("configured-master-key-123", this.dataDir);
		assertThat(master.matches("configured-master-key-123")).isTrue();
		assertThat(master.matches("configured-master-key-124")).isFalse();
		assertThat(master.matches(null)).isFalse();
		assertThat(this.dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
	}

	@Test
	void rejectsShortConfiguredKey() {
		assertThatIllegalStateException().isThrownBy(() -> MasterKey.of("short", this.dataDir))
			.withMessageContaining("at least 16");
	}

}
