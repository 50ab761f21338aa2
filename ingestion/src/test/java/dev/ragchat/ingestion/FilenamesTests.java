package dev.ragchat.ingestion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilenamesTests {

	@Test
	void keepsOnlyTheLastPathElement() {
		assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Filenames.sanitize("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
	}

	@Test
	void dropsControlAndBidiCharacters() {
		assertThat(Filenames.sanitize("in\u0000voice\u202e\r\n.pdf")).isEqualTo("invoice.pdf");
	}

	@Test
	void neverStartsWithADotNorIsEmpty() {
		assertThat(Filenames.sanitize("..")).isEqualTo("upload");
		assertThat(Filenames.sanitize(".hidden")).isEqualTo("hidden");
		assertThat(Filenames.sanitize(null)).isEqualTo("upload");
	}

	@Test
	void isAtMost255Characters() {
		assertThat(Filenames.sanitize("a".repeat(1000) + ".pdf")).hasSize(255);
	}

}
