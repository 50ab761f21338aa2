package dev.ragchat.api.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.StringHttpMessageConverter;

/**
 * Spring's converter of bodies read as a {@code String} (a golden set's JSON lines, the
 * JSON parts of multipart requests: a document's metadata, an extraction's schema) that
 * reads strictly: bytes that are not text in the body's charset (UTF-8 unless its
 * {@code Content-Type} names another) are a body it cannot read (a 400 problem), not text
 * with U+FFFD in their place, as Jackson refuses them in the JSON it reads. It writes as
 * Boot's own does, which it replaces.
 */
final class StrictStringHttpMessageConverter extends StringHttpMessageConverter {

	StrictStringHttpMessageConverter() {
		super(StandardCharsets.UTF_8);
		setWriteAcceptCharset(false);
	}

	@Override
	protected String readInternal(Class<? extends String> clazz, HttpInputMessage inputMessage) throws IOException {
		MediaType type = inputMessage.getHeaders().getContentType();
		Charset charset = (type != null && type.getCharset() != null) ? type.getCharset() : getDefaultCharset();
		byte[] bytes = inputMessage.getBody().readAllBytes();
		try {
			return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new HttpMessageNotReadableException("The body is not " + charset.name() + " text", ex, inputMessage);
		}
	}

}
