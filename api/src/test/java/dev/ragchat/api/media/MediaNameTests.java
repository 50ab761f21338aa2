package dev.ragchat.api.media;

import java.util.List;

import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored file's type comes from its content, and a name that claims another type is
 * refused, whatever type the name claims: over the real HTTPS listener, as a browser or a
 * script uploads.
 */
class MediaNameTests extends AbstractHttpsIntegrationTests {

	String key;

	@BeforeEach
	void key() {
		this.key = issueKey("{\"scopes\":[\"chat\"]}");
	}

	@Test
	void refusesAPngNamedLikeAnyOtherTypeWith415() {
		byte[] png = TestMedia.pngWithText("HELLO");
		for (String name : List.of("photo.svg", "page.html", "notes.txt", "song.mp3", "report.pdf", "data.json")) {
			String detail = upload(name, png).problem(415);
			assertThat(detail).as(name).contains("named like").contains("its content is image/png");
		}
	}

	@Test
	void storesAPngNamedForWhatItIsOrWithoutAType() {
		byte[] png = TestMedia.pngWithText("HELLO");
		for (String name : List.of("photo.png", "photo", "upload.bin")) {
			Answer stored = upload(name, png);
			assertThat(stored.status()).as(name + ": " + stored.text()).isEqualTo(201);
			assertThat(stored.json().get("mediaType").asText()).isEqualTo("image/png");
		}
	}

	private Answer upload(String filename, byte[] bytes) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file(filename, bytes));
		return postMultipart("/api/v1/media", "X-API-Key", this.key, parts);
	}

}
