package dev.ragchat.ingestion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadFilenamesTests {

	@Test
	void keepsOnlyTheLastPathElement() {
		assertThat(Uploads.filename("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Uploads.filename("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
	}

	@Test
	void dropsControlAndBidiCharacters() {
		assertThat(Uploads.filename("in\u0000voice\u202e\r\n.pdf")).isEqualTo("invoice.pdf");
	}

	@Test
	void neverStartsWithADotNorIsEmpty() {
		assertThat(Uploads.filename("..")).isEqualTo("upload");
		assertThat(Uploads.filename(".hidden")).isEqualTo("hidden");
		assertThat(Uploads.filename(null)).isEqualTo("upload");
	}

	@Test
	void isAtMost255Characters() {
		assertThat(Uploads.filename("a".repeat(1000) + ".pdf")).hasSize(255);
	}

}
