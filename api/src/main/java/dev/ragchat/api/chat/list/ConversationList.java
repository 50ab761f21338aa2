package dev.ragchat.api.chat.list;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyLineages;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionScopes;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * A key's conversations, as its list shows them: those of its lineage it may open now,
 * pinned first, then newest first, searched by their titles, questions and answers; named
 * and pinned; exported with their whole history. Who may use a session is
 * {@link ChatSessions}'s to say.
 */
public final class ConversationList {

	/** The longest text a search of conversations takes. */
	public static final int MAX_SEARCH = 200;

	/** How many sessions a restricted key's list reads at a time. */
	private static final int LIST_BATCH = 500;

	/** How many messages an export reads at a time. */
	private static final int EXPORT_PAGE = 500;

	private final ChatSessions sessions;

	private final SessionStore store;

	private final MessageStore messages;

	private final SessionScopes scopes;

	private final KeyLineages lineages;

	private final KnowledgeBases knowledgeBases;

	private final Clock clock;

	ConversationList(ChatSessions sessions, SessionStore store, MessageStore messages, SessionScopes scopes,
			KeyLineages lineages, KnowledgeBases knowledgeBases, Clock clock) {
		this.sessions = sessions;
		this.store = store;
		this.messages = messages;
		this.scopes = scopes;
		this.lineages = lineages;
		this.knowledgeBases = knowledgeBases;
		this.clock = clock;
	}

	/**
	 * @param caller an API key
	 * @param offset how many of its sessions to skip
	 * @param limit how many at most
	 * @return the sessions the key's lineage started, pinned first, then newest first,
	 * each with its first question and its last message
	 */
	public Listed list(Caller caller, int offset, int limit) {
		return list(caller, null, offset, limit);
	}

	/**
	 * @param caller an API key
	 * @param text only sessions whose title or one of whose questions or answers holds
	 * this text (ignoring case); {@code null} or blank for all
	 * @param offset how many of its sessions to skip
	 * @param limit how many at most
	 * @return the sessions the key's lineage started, pinned first, then newest first,
	 * each with its first question and its last message
	 */
	public Listed list(Caller caller, String text, int offset, int limit) {
		if (caller.kind() != Caller.Kind.API_KEY) {
			throw new ForbiddenException("Listing sessions needs the API key that started them (X-API-Key)");
		}
		String searched = (text != null && !text.isBlank()) ? text.strip() : null;
		if (searched != null && searched.length() > MAX_SEARCH) {
			throw new RejectedInputException("q must be at most " + MAX_SEARCH + " characters");
		}
		// only those whose knowledge base the key may still chat in: the others' history
		// is not the caller's to read (now), nor to search
		List<String> knowledgeBases = chatIn(caller);
		// a key lists the sessions of its lineage: those of the keys it renewed too
		List<String> keys = this.lineages.lineageOf(caller.keyId());
		List<ChatSession> page;
		long total;
		if (knowledgeBases == null) {
			page = this.store.pageOfKeys(keys, null, searched, offset, limit);
			total = this.store.countOfKeys(keys, null, searched);
		}
		else {
			// a session is listed when it may be opened: the key may chat in every
			// knowledge base of its scope, as each request checks
			List<ChatSession> listable = listable(caller, keys, knowledgeBases, searched);
			// the page's end counted from its start: offset + limit may pass
			// Integer.MAX_VALUE
			int from = Math.min(offset, listable.size());
			page = listable.subList(from, from + Math.min(limit, listable.size() - from));
			total = listable.size();
		}
		return new Listed(page.stream().map(this::summary).toList(), total);
	}

	private Summary summary(ChatSession session) {
		List<ChatMessage> last = this.messages.latest(session.id(), 1);
		ChatMessage first = last.isEmpty() ? null
				: this.messages.page(session.id(), 0, 1)
					.stream()
					.filter((m) -> ChatMessage.USER.equals(m.role()))
					.findFirst()
					.orElse(null);
		return new Summary(session, (first != null) ? first.content() : null, last.isEmpty() ? null : last.get(0));
	}

	/**
	 * All of a key's sessions (in the order of its list) that it may open now: those on a
	 * knowledge base it may chat in, whose scope asks none it may not. The store knows
	 * the first knowledge base of each, the scopes the others: they are read a page at a
	 * time.
	 */
	private List<ChatSession> listable(Caller caller, List<String> keys, List<String> knowledgeBases, String searched) {
		List<ChatSession> listable = new ArrayList<>();
		int read = 0;
		List<ChatSession> batch;
		do {
			batch = this.store.pageOfKeys(keys, knowledgeBases, searched, read, LIST_BATCH);
			read += batch.size();
			Map<String, SearchScope> scopes = this.scopes.of(batch.stream().map(ChatSession::id).toList());
			for (ChatSession session : batch) {
				SearchScope scope = scopes.get(session.id());
				if (scope == null || scope.knowledgeBases()
					.stream()
					.allMatch((kb) -> kb.equals(session.id()) || kb.equals(session.knowledgeBase())
							|| caller.mayChatIn(kb))) {
					listable.add(session);
				}
			}
		}
		while (batch.size() == LIST_BATCH);
		return listable;
	}

	/**
	 * @return the knowledge bases a key may chat in now, {@code null} for all
	 */
	private static List<String> chatIn(Caller caller) {
		if (!caller.scopes().contains(Scope.CHAT)) {
			return List.of();
		}
		// a person's key may use all only when they may do everything everywhere
		return caller.mayUseAll() ? null : caller.knowledgeBases().stream().filter(caller::mayChatIn).toList();
	}

	/**
	 * Names a session (or takes its name away): with its own token, or with the API key
	 * that started it.
	 * @param caller the session's token or its API key
	 * @param id the session
	 * @param title the new title; blank for none
	 * @return the session as it is now
	 */
	public ChatSession rename(Caller caller, String id, String title) {
		return change(caller, id, new Change(true, title, null));
	}

	/**
	 * Names a session (or takes its name away), pins it (or unpins it): with its own
	 * token, or with the API key that started it. Pinning a pinned session keeps when it
	 * was first pinned.
	 * @param caller the session's token or its API key
	 * @param id the session
	 * @param change what changes
	 * @return the session as it is now
	 */
	public ChatSession change(Caller caller, String id, Change change) {
		ChatSession session = this.sessions.ofCaller(caller, id);
		String title = session.title();
		if (change.renames()) {
			title = (change.title() != null && !change.title().isBlank()) ? change.title().strip() : null;
			if (title != null
					&& (title.length() > ChatSession.MAX_TITLE || title.chars().anyMatch(Character::isISOControl))) {
				throw new RejectedInputException(
						"title must be at most " + ChatSession.MAX_TITLE + " characters without control characters");
			}
		}
		Instant pinnedAt = session.pinnedAt();
		if (change.pinned() != null) {
			pinnedAt = !change.pinned() ? null : (pinnedAt != null) ? pinnedAt : this.clock.instant();
		}
		if (change.renames()) {
			this.store.rename(id, title);
		}
		if (change.pinned() != null) {
			this.store.pin(id, pinnedAt);
		}
		return session.with(title, pinnedAt);
	}

	/**
	 * A session with its whole history, to take away: with its own token, or with the API
	 * key that started it (its rights read for this request).
	 * @param caller the session's token or its API key
	 * @param id the session
	 * @return the session and all its messages, oldest first
	 */
	public Exported export(Caller caller, String id) {
		ChatSession session = this.sessions.ofCaller(caller, id);
		List<ChatMessage> all = new ArrayList<>();
		List<ChatMessage> page;
		do {
			page = this.messages.page(id, all.size(), EXPORT_PAGE);
			all.addAll(page);
		}
		while (page.size() == EXPORT_PAGE);
		return new Exported(session, all, knowledgeBaseName(session.knowledgeBase()));
	}

	/**
	 * @return the knowledge base's name, or {@code null} when it is gone
	 */
	private String knowledgeBaseName(String id) {
		try {
			return this.knowledgeBases.get(id).name();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/**
	 * A session in a key's list.
	 *
	 * @param session the session
	 * @param firstQuestion its first question (what names it when it has no title), or
	 * {@code null}
	 * @param lastMessage its latest message, or {@code null}
	 */
	public record Summary(ChatSession session, String firstQuestion, ChatMessage lastMessage) {

		/**
		 * @return when it last changed: its latest message, else its start
		 */
		public Instant updatedAt() {
			return (this.lastMessage != null) ? this.lastMessage.createdAt() : this.session.createdAt();
		}

	}

	/**
	 * What changes in a session's name and pin.
	 *
	 * @param renames whether the title changes
	 * @param title the new title; blank or {@code null} for none
	 * @param pinned whether it is pinned now, or {@code null} to leave it as it is
	 */
	public record Change(boolean renames, String title, Boolean pinned) {

	}

	/**
	 * A session with its whole history.
	 *
	 * @param session the session
	 * @param messages its messages, oldest first
	 * @param knowledgeBaseName the name of the knowledge base it asked, or {@code null}
	 * when that is gone
	 */
	public record Exported(ChatSession session, List<ChatMessage> messages, String knowledgeBaseName) {

	}

	/**
	 * A page of a key's sessions.
	 *
	 * @param sessions the page, newest first
	 * @param total how many sessions the key has
	 */
	public record Listed(List<Summary> sessions, long total) {

	}

}
