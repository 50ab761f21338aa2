package dev.ragchat.api.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;
import dev.ragchat.errors.UnprocessableException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import dev.ragchat.ingestion.BlobStore;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;
import org.apache.tika.mime.MimeTypes;

import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/**
 * Images and audio that callers store and attach to their messages. A file's type comes
 * from its content (Tika's magic bytes); a name that claims another type is refused too.
 * Only the key that stored a file (directly or through one of its sessions) may attach
 * it; nothing is ever fetched from a URL.
 */
public final class MediaLibrary {

	/** The property whose value decides whether a model sees attachments. */
	static final String GENERATOR = "ragchat.chat.generator";

	/** Detected types, each with the name it goes to the model under. */
	private static final Map<String, String> ACCEPTED = Map.ofEntries(Map.entry("image/png", "image/png"),
			Map.entry("image/jpeg", "image/jpeg"), Map.entry("image/webp", "image/webp"),
			Map.entry("audio/mpeg", "audio/mp3"), Map.entry("audio/mp3", "audio/mp3"),
			Map.entry("audio/vnd.wave", "audio/wav"), Map.entry("audio/wav", "audio/wav"),
			Map.entry("audio/x-wav", "audio/wav"), Map.entry("audio/ogg", "audio/ogg"),
			Map.entry("audio/vorbis", "audio/ogg"), Map.entry("audio/opus", "audio/ogg"),
			Map.entry("audio/mp4", "audio/mp4"), Map.entry("audio/x-m4a", "audio/mp4"),
			Map.entry("audio/m4a", "audio/mp4"));

	static final String PDF = "application/pdf";

	private final MediaStore store;

	private final BlobStore blobs;

	private final MediaTypes types;

	private final Ocr ocr;

	private final MediaProperties properties;

	private final Clock clock;

	private final Path workDir;

	MediaLibrary(MediaStore store, BlobStore blobs, MediaTypes types, Ocr ocr, MediaProperties properties, Clock clock,
			Path workDir) {
		this.store = store;
		this.blobs = blobs;
		this.types = types;
		this.ocr = ocr;
		this.properties = properties;
		this.clock = clock;
		this.workDir = workDir;
	}

	/**
	 * Stores an image or audio file for the caller's key.
	 * @param caller an API key or a session token
	 * @param filename the name it came with (checked against its content, never used as a
	 * key)
	 * @param file its bytes
	 * @return what was stored
	 */
	public MediaFile store(Caller caller, String filename, Path file) {
		return store(caller, filename, file, false);
	}

	/**
	 * @param caller an API key or a session token
	 * @param filename the name it came with
	 * @param file its bytes
	 * @param pdfToo whether a PDF is accepted as well (for extractions)
	 * @return what was stored
	 */
	MediaFile store(Caller caller, String filename, Path file, boolean pdfToo) {
		MediaFile media = check(caller, filename, file, pdfToo);
		keep(media, file);
		return media;
	}

	/**
	 * Checks a file's type and size without storing it.
	 * @param caller an API key or a session token
	 * @param filename the name it came with
	 * @param file its bytes
	 * @param pdfToo whether a PDF is accepted as well
	 * @return what would be stored
	 */
	MediaFile check(Caller caller, String filename, Path file, boolean pdfToo) {
		if (caller.keyId() == null) {
			throw new ForbiddenException("Media belong to an API key: use an API key or a session token");
		}
		String detected = this.types.detect(file, (filename != null) ? filename : "upload");
		String mediaType = accepted(detected, pdfToo);
		if (mediaType == null) {
			throw new UnsupportedMediaTypeException("The content is " + detected + "; accepted: PNG, JPEG, WebP images"
					+ (pdfToo ? ", PDF" : "") + " and MP3, WAV, OGG, M4A audio");
		}
		String named = byName(filename);
		if (named != null && !named.equals(mediaType)) {
			throw new UnsupportedMediaTypeException("The file is named like " + named + " but its content is "
					+ mediaType + "; name it for what it is");
		}
		long size = size(file);
		// images have their own limit; audio and PDF (for extractions) the larger one
		long limit = mediaType.startsWith("image/") ? this.properties.maxImageSize().toBytes()
				: this.properties.maxAudioSize().toBytes();
		if (size > limit) {
			throw new TooLargeException(
					"The " + mediaType + " file has " + size + " bytes; the limit for its kind is " + limit);
		}
		if (size == 0) {
			throw new RejectedInputException("The file is empty");
		}
		return new MediaFile("med_" + UUID.randomUUID().toString().replace("-", ""), caller.keyId(), mediaType, size,
				this.clock.instant());
	}

	/**
	 * Stores checked media.
	 * @param media what {@link #check} returned
	 * @param file its bytes
	 */
	void keep(MediaFile media, Path file) {
		try {
			this.blobs.put(media.blobKey(), file, media.mediaType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.store.save(media);
	}

	private static String accepted(String detected, boolean pdfToo) {
		if (pdfToo && PDF.equals(detected)) {
			return PDF;
		}
		return ACCEPTED.get(detected);
	}

	/**
	 * The type the name claims (Tika's name patterns), under the name an accepted type
	 * goes by; {@code null} for a name that claims none (no extension, or one Tika does
	 * not know).
	 */
	private static String byName(String filename) {
		if (filename == null || filename.isBlank()) {
			return null;
		}
		String type = MimeTypes.getDefaultMimeTypes().getMimeType(filename).getName();
		if (MimeTypes.OCTET_STREAM.equals(type)) {
			return null;
		}
		return PDF.equals(type) ? PDF : ACCEPTED.getOrDefault(type, type);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param caller the caller
	 * @param id a media id
	 * @return the media, when the caller's key stored it
	 */
	public Optional<MediaFile> find(Caller caller, String id) {
		return this.store.findById(id).filter((media) -> media.ownerKey().equals(caller.keyId()));
	}

	/**
	 * @param media stored media
	 * @return its bytes
	 */
	public byte[] bytes(MediaFile media) {
		try (InputStream in = this.blobs.open(media.blobKey())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Resolves the attachments of a message.
	 * @param caller the session asking
	 * @param ids media ids; each must be the caller's own
	 * @param modelReadsMedia whether the answer is written by a model that takes images
	 * and audio; without one, images are read with OCR and audio is refused
	 * @return the attachments as the model takes them, or the text read in the images
	 */
	public Attached attach(Caller caller, List<String> ids, boolean modelReadsMedia) {
		if (ids == null || ids.isEmpty()) {
			return Attached.NONE;
		}
		Set<String> unique = new LinkedHashSet<>(ids);
		if (unique.size() > this.properties.maxAttachments()) {
			throw new RejectedInputException(
					"A message may carry at most " + this.properties.maxAttachments() + " attachments");
		}
		List<MediaFile> files = new ArrayList<>();
		for (String id : unique) {
			files.add(find(caller, id).orElseThrow(() -> new NotFoundException("No media '" + id + "'")));
		}
		if (modelReadsMedia) {
			List<Media> media = files.stream()
				.map((file) -> Media.builder()
					.mimeType(MimeTypeUtils.parseMimeType(file.mediaType()))
					.data(bytes(file))
					.id(file.id())
					.build())
				.toList();
			return new Attached(media, null);
		}
		if (files.stream().anyMatch(MediaFile::isAudio)) {
			throw new UnprocessableException("Audio questions need a language model: set " + GENERATOR
					+ "=gemini (or vertex-gemini); the extractive default cannot listen to audio");
		}
		if (!this.ocr.isAvailable()) {
			throw new UnprocessableException("Images are read with Tesseract OCR when no language model is"
					+ " configured, and it is not installed on this server: install tesseract-ocr, or set " + GENERATOR
					+ "=gemini (or vertex-gemini)");
		}
		StringBuilder text = new StringBuilder();
		for (MediaFile file : files) {
			text.append(read(file).strip()).append('\n');
		}
		return new Attached(List.of(), text.toString().strip());
	}

	private String read(MediaFile media) {
		Path image = null;
		try {
			Files.createDirectories(this.workDir);
			image = Files.createTempFile(this.workDir, "media-", "." + media.mediaType().substring(6));
			try (InputStream in = this.blobs.open(media.blobKey())) {
				Files.copy(in, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return this.ocr.read(image);
		}
		catch (IOException ex) {
			throw new UnprocessableException("The image '" + media.id() + "' could not be read: " + ex.getMessage());
		}
		finally {
			if (image != null) {
				try {
					Files.deleteIfExists(image);
				}
				catch (IOException ex) {
					// the work directory is emptied at start
				}
			}
		}
	}

	/**
	 * A message's attachments, resolved.
	 *
	 * @param media the files as a model takes them (empty without a model)
	 * @param imageText the text read in the images without a model, or {@code null}
	 */
	public record Attached(List<Media> media, String imageText) {

		static final Attached NONE = new Attached(List.of(), null);

		public Attached {
			media = List.copyOf(media);
		}

	}

}
