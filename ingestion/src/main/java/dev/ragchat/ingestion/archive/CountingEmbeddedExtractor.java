package dev.ragchat.ingestion.archive;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's extractor of the documents inside a document (an e-mail's attachments, the files
 * of an attached ZIP, a gzip body, an Office file's embedded parts), counting them and
 * their bytes, as they are inflated, against one {@link Inflation} for the whole
 * document: nested archives cannot multiply past the bound.
 */
public final class CountingEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

	private final Inflation inflation;

	public CountingEmbeddedExtractor(ParseContext context, Inflation inflation) {
		super(context);
		this.inflation = inflation;
	}

	@Override
	public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
			throws SAXException, IOException {
		this.inflation.entry();
		// an open container (an OLE directory) was read, and counted, as bytes already
		boolean container = stream instanceof TikaInputStream tika && tika.getOpenContainer() != null;
		super.parseEmbedded(container ? stream : this.inflation.counted(stream), handler, metadata, outputHtml);
	}

}
