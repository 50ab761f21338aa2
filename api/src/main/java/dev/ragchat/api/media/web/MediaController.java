package dev.ragchat.api.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.media.MediaFile;
import dev.ragchat.api.media.MediaLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Images and audio to attach to messages ({@code attachments: [mediaId]}).
 */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "media", description = "Images and audio for questions")
class MediaController {

	private final MediaLibrary media;

	MediaController(MediaLibrary media) {
		this.media = media;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Store an image (PNG, JPEG, WebP) or audio file (MP3, WAV, OGG, M4A) in part 'file';"
			+ " its type is read from its content")
	@SecurityRequirement(name = "apiKey")
	@SecurityRequirement(name = "sessionToken")
	StoredMedia store(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
			@RequestPart("file") MultipartFile file) throws IOException {
		Path temp = Files.createTempFile("ragchat-media", ".bin");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			MediaFile stored = this.media.store(caller, file.getOriginalFilename(), temp);
			return new StoredMedia(stored.id(), stored.mediaType(), stored.sizeBytes());
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	record StoredMedia(String mediaId, String mediaType, long sizeBytes) {

	}

}
