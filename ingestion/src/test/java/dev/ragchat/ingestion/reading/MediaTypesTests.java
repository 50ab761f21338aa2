package dev.ragchat.ingestion.reading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypesTests {

	@TempDir
	Path dir;

	final MediaTypes mediaTypes = new MediaTypes();

	@Test
	void detectsPdfAndDocxFromTheirContentWhateverTheirName() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("notes.txt"));
		Path docx = TestFiles.handbookDocx(this.dir.resolve("file.bin"));
		assertThat(this.mediaTypes.detect(pdf, "notes.txt")).isEqualTo("application/pdf");
		assertThat(this.mediaTypes.detect(docx, "file.bin"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void neverTakesANameForTheContent() throws Exception {
		byte[] noise = new byte[2048];
		new Random(1).nextBytes(noise);
		Path file = Files.write(this.dir.resolve("report.pdf"), noise);
		assertThat(this.mediaTypes.detect(file, "report.pdf")).isEqualTo("application/octet-stream");
		assertThat(MediaTypes.isAllowed("application/octet-stream")).isFalse();
	}

	@Test
	void usesTheNameOnlyToTellTextTypesApart() throws Exception {
		Path md = Files.writeString(this.dir.resolve("readme.md"), "# Title\n\nSome text.\n");
		assertThat(this.mediaTypes.detect(md, "readme.md")).isEqualTo(MediaTypes.MARKDOWN);
		assertThat(this.mediaTypes.detect(md, "readme.txt")).isEqualTo("text/plain");
	}

}
