package dev.ragchat.api.chat.files;

import java.nio.file.Path;
import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionScopes;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * Files dropped into a conversation: each is ingested as any upload is (the same reading,
 * chunking and embedding) into the session's own knowledge base, named as the session,
 * which joins the session's scope. No one lists, searches or opens it but the session
 * (its token, or the API key that started it), and only while its caller may use the
 * session; deleting the session deletes it with its files, chunks and originals. Dropping
 * needs the right to chat in the session, nothing more: the files stay inside it.
 */
public final class SessionFiles {

	/** The most files one conversation holds. */
	public static final int MAX_FILES = 20;

	private final ChatSessions sessions;

	private final SessionScopes scopes;

	private final KnowledgeBases knowledgeBases;

	private final Documents documents;

	SessionFiles(ChatSessions sessions, SessionScopes scopes, KnowledgeBases knowledgeBases, Documents documents) {
		this.sessions = sessions;
		this.scopes = scopes;
		this.knowledgeBases = knowledgeBases;
		this.documents = documents;
	}

	/**
	 * Takes a file dropped into a conversation: queued for ingestion in the session's own
	 * knowledge base, and asked from then on (it joins the session's scope).
	 * @param caller the session's token or the API key that started it
	 * @param sessionId the session
	 * @param filename the file's name
	 * @param file its bytes
	 * @return the document, queued (or the one already dropped with the same bytes)
	 * @throws ConflictException when the session holds {@link #MAX_FILES} files already
	 */
	public Documents.Submitted drop(Caller caller, String sessionId, String filename, Path file) {
		ChatSession session = this.sessions.open(caller, sessionId);
		String knowledgeBase = session.id();
		if (this.knowledgeBases.exists(knowledgeBase) && this.documents.list(knowledgeBase).size() >= MAX_FILES) {
			throw new ConflictException("A conversation holds at most " + MAX_FILES
					+ " dropped files; delete one (DELETE /api/v1/sessions/" + sessionId + "/files/{id}) first");
		}
		this.knowledgeBases.ensurePrivate(knowledgeBase, "Files of " + session.id());
		Documents.Submitted submitted = this.documents
			.submit(knowledgeBase, List.of(new Documents.Upload(filename, file)), null, null)
			.get(0);
		// the same bytes dropped again: the file dropped before, asked again
		this.scopes.add(session, knowledgeBase, submitted.document().id());
		return submitted;
	}

	/**
	 * @param caller the session's token or the API key that started it
	 * @param sessionId the session
	 * @return the files dropped into it, oldest first
	 */
	public List<Document> list(Caller caller, String sessionId) {
		ChatSession session = this.sessions.open(caller, sessionId);
		return this.knowledgeBases.exists(session.id()) ? this.documents.list(session.id()) : List.of();
	}

	/**
	 * @param caller the session's token or the API key that started it
	 * @param sessionId the session
	 * @param documentId one of its files
	 * @return the file
	 * @throws NotFoundException for a document that is not one of its files
	 */
	public Document get(Caller caller, String sessionId, String documentId) {
		ChatSession session = this.sessions.open(caller, sessionId);
		return this.documents.get(session.id(), documentId);
	}

	/**
	 * Deletes one file of a conversation with its chunks and original: it is asked no
	 * more.
	 * @param caller the session's token or the API key that started it
	 * @param sessionId the session
	 * @param documentId one of its files
	 */
	public void delete(Caller caller, String sessionId, String documentId) {
		ChatSession session = this.sessions.open(caller, sessionId);
		this.documents.delete(session.id(), documentId);
	}

}
