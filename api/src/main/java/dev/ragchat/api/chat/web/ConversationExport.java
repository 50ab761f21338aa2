package dev.ragchat.api.chat.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.Citation;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.list.ConversationList;

import org.springframework.http.ContentDisposition;
import org.springframework.web.util.UriUtils;

/**
 * A conversation as a file to take away: Markdown to read (each answer's {@code [n]}
 * markers become footnotes naming the document, the page and the quote), or JSON with
 * every message as the history shows it.
 */
final class ConversationExport {

	/** Markdown's media type (RFC 7763). */
	static final String MARKDOWN = "text/markdown";

	private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

	private static final String OPEN = "\uE000";

	private static final String CLOSE = "\uE001";

	private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

	private static final Pattern PLACEHOLDER_MARKS = Pattern.compile("[" + OPEN + CLOSE + "]");

	/**
	 * The longest quote a footnote shows (a citation without a quote shows its passage).
	 */
	private static final int MAX_QUOTE = 500;

	private static final int MAX_TITLE = 120;

	/** The longest slug of a title or a name in the file's name. */
	private static final int MAX_SLUG = 60;

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

	private ConversationExport() {
	}

	/**
	 * @param exported the session and its messages
	 * @param at when it is exported
	 * @return it as JSON: the session, and every message as the history shows it
	 */
	static Json json(ConversationList.Exported exported, Instant at) {
		ChatSession session = exported.session();
		return new Json(session.id(), session.title(), session.knowledgeBase(), exported.knowledgeBaseName(),
				session.configId(), session.createdAt(), at,
				exported.messages().stream().map(MessageController.AnswerView::of).toList());
	}

	/**
	 * @param exported the session and its messages
	 * @param at when it is exported
	 * @return it as Markdown: its title, then each turn; an answer's citations as
	 * footnotes, numbered through the whole conversation
	 */
	static String markdown(ConversationList.Exported exported, Instant at) {
		ChatSession session = exported.session();
		StringBuilder md = new StringBuilder();
		md.append("# ").append(MarkdownText.of(oneLine(title(exported), MAX_TITLE))).append("\n\n");
		md.append("- Knowledge base: ")
			.append(MarkdownText.of(oneLine(knowledgeBase(exported), MAX_TITLE)))
			.append('\n');
		md.append("- Started: ").append(session.createdAt()).append('\n');
		md.append("- Exported: ").append(at).append("\n");
		int footnotes = 0;
		for (ChatMessage message : exported.messages()) {
			if (ChatMessage.USER.equals(message.role())) {
				md.append("\n## You\n\n").append(MarkdownText.of(message.content())).append('\n');
				continue;
			}
			md.append("\n## ragchat\n\n");
			Map<Integer, Citation> byIndex = new HashMap<>();
			message.citations().forEach((c) -> byIndex.putIfAbsent(c.index(), c));
			Map<Integer, Integer> numbers = new HashMap<>();
			// the markers of cited sources become footnote references, kept out of the
			// escaping as placeholders (characters of Unicode's private use area, taken
			// out
			// of the answer first)
			StringBuilder text = new StringBuilder();
			Matcher marker = MARKER.matcher(PLACEHOLDER_MARKS.matcher(message.content()).replaceAll(""));
			while (marker.find()) {
				int index = Integer.parseInt(marker.group(1));
				String replacement = marker.group();
				if (byIndex.containsKey(index)) {
					int first = footnotes + numbers.size() + 1;
					replacement = OPEN + numbers.computeIfAbsent(index, (i) -> first) + CLOSE;
				}
				marker.appendReplacement(text, Matcher.quoteReplacement(replacement));
			}
			marker.appendTail(text);
			String answer = PLACEHOLDER.matcher(MarkdownText.of(text.toString())).replaceAll("[^$1]");
			if (!answer.isEmpty()) {
				md.append(answer).append("\n\n");
			}
			if (message.stopped()) {
				md.append("*Stopped before the answer was complete.*\n");
			}
			else if (Boolean.FALSE.equals(message.grounded())) {
				md.append("*Not in the documents.*\n");
			}
			if (!numbers.isEmpty()) {
				md.append('\n');
				numbers.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByValue())
					.forEach((n) -> md.append(footnote(n.getValue(), byIndex.get(n.getKey()))));
			}
			footnotes += numbers.size();
		}
		return md.toString();
	}

	/**
	 * The file's name, in {@code Content-Disposition}: the conversation's title (else its
	 * first question) and its knowledge base's name, each a slug (letters and digits, in
	 * lower case, the rest a hyphen), {@code <title>_<knowledge base>.md}; its id and the
	 * knowledge base's instead of names that leave no slug. A name beyond ASCII is given
	 * as RFC 5987's {@code filename*}, after an ASCII {@code filename} (accents dropped)
	 * for the clients that read no other (RFC 6266).
	 * @param exported the session and its messages
	 * @param json whether the file is JSON, else Markdown
	 * @return the header's value
	 */
	static String contentDisposition(ConversationList.Exported exported, boolean json) {
		String titled = named(exported);
		String conversation = "conversation-" + exported.session().id();
		String knowledgeBase = knowledgeBase(exported);
		String extension = json ? ".json" : ".md";
		String name = orElse(slug(titled, false), conversation) + "_"
				+ orElse(slug(knowledgeBase, false), exported.session().knowledgeBase()) + extension;
		String ascii = orElse(slug(titled, true), conversation) + "_"
				+ orElse(slug(knowledgeBase, true), exported.session().knowledgeBase()) + extension;
		String header = ContentDisposition.attachment().filename(ascii).build().toString();
		return name.equals(ascii) ? header
				: header + "; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8);
	}

	/**
	 * @param text a title or a name, or {@code null}
	 * @param ascii whether only ASCII letters and digits stay (accents dropped)
	 * @return its slug, at most {@value #MAX_SLUG} characters; empty when nothing stays
	 */
	static String slug(String text, boolean ascii) {
		if (text == null) {
			return "";
		}
		String slug = text.toLowerCase(Locale.ROOT);
		if (ascii) {
			slug = MARKS.matcher(Normalizer.normalize(slug, Normalizer.Form.NFKD)).replaceAll("");
		}
		slug = EDGE_HYPHENS.matcher((ascii ? NOT_ASCII_WORD : NOT_WORD).matcher(slug).replaceAll("-")).replaceAll("");
		if (slug.codePointCount(0, slug.length()) > MAX_SLUG) {
			slug = EDGE_HYPHENS.matcher(slug.substring(0, slug.offsetByCodePoints(0, MAX_SLUG))).replaceAll("");
		}
		return slug;
	}

	private static String orElse(String slug, String fallback) {
		return slug.isEmpty() ? fallback : slug;
	}

	private static String title(ConversationList.Exported exported) {
		String named = named(exported);
		return (named != null) ? named : "Conversation";
	}

	/**
	 * @return the conversation's title, else its first question, else {@code null}
	 */
	private static String named(ConversationList.Exported exported) {
		if (exported.session().title() != null) {
			return exported.session().title();
		}
		return exported.messages()
			.stream()
			.filter((m) -> ChatMessage.USER.equals(m.role()))
			.map(ChatMessage::content)
			.findFirst()
			.orElse(null);
	}

	private static String knowledgeBase(ConversationList.Exported exported) {
		return (exported.knowledgeBaseName() != null) ? exported.knowledgeBaseName()
				: exported.session().knowledgeBase();
	}

	private static String footnote(int number, Citation citation) {
		String quote = (citation.quote() != null && !citation.quote().isBlank()) ? citation.quote()
				: citation.snippet();
		StringBuilder note = new StringBuilder("[^").append(number)
			.append("]: ")
			.append(MarkdownText.of(oneLine(citation.filename(), MAX_TITLE)))
			.append(", page ")
			.append(citation.page());
		if (citation.webUrl() != null) {
			note.append(" (").append(MarkdownText.of(oneLine(citation.webUrl(), MAX_QUOTE))).append(')');
		}
		if (quote != null && !quote.isBlank()) {
			note.append(": “").append(MarkdownText.of(oneLine(quote, MAX_QUOTE))).append('”');
		}
		return note.append('\n').toString();
	}

	private static String oneLine(String text, int max) {
		String line = (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
		return (line.length() > max) ? line.substring(0, max) + "…" : line;
	}

	/**
	 * A conversation as JSON.
	 *
	 * @param sessionId the session
	 * @param title its title, or {@code null}
	 * @param knowledgeBase the knowledge base it asked
	 * @param knowledgeBaseName its name, or {@code null} when it is gone
	 * @param configId the chat config it started from, or {@code null}
	 * @param createdAt when it started
	 * @param exportedAt when it was exported
	 * @param messages its questions and answers, oldest first, as the history shows them
	 * (answers with their citations: document, page, quote)
	 */
	record Json(String sessionId, String title, String knowledgeBase, String knowledgeBaseName, String configId,
			Instant createdAt, Instant exportedAt, List<MessageController.AnswerView> messages) {

	}

}
