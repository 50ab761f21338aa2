package dev.ragchat.answer.generate;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * What a language model's failure means to the caller: a model that did not answer in
 * time, could not be reached, or said it is busy ({@code 429}, {@code 503}) is
 * unavailable for now (503); one that answered with an error, a redirect (never followed)
 * or something unreadable is a bad upstream (502). Either way nothing of the answer is
 * stored. The details (the server's own error text) go to the log, not to the caller.
 */
public final class ModelFailures {

	private static final Logger logger = LoggerFactory.getLogger(ModelFailures.class);

	/** How Spring AI's error handlers (and ours) start a failure's message. */
	private static final Pattern STATUS = Pattern.compile("^(\\d{3}) - ");

	private ModelFailures() {
	}

	/**
	 * @param failure what the model's client threw
	 * @return the refusal to throw instead (a refusal is returned as it is)
	 */
	public static RagChatException of(RuntimeException failure) {
		if (failure instanceof RagChatException refusal) {
			return refusal;
		}
		if (logger.isWarnEnabled()) {
			logger.warn("The language model failed: {}", causes(failure));
		}
		logger.debug("The language model failed", failure);
		if (causedBy(failure, TimeoutException.class, HttpTimeoutException.class, SocketTimeoutException.class)) {
			return new UnavailableException(
					"The language model did not answer in time; nothing was stored. Try again later.");
		}
		if (causedBy(failure, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class)) {
			return new UnavailableException(
					"The language model could not be reached; nothing was stored. Try again later.");
		}
		Integer status = status(failure);
		if (status != null && (status == 429 || status == 503)) {
			return new UnavailableException(
					"The language model is busy (it answered " + status + "); nothing was stored. Try again later.");
		}
		if (status != null && status >= 300 && status < 400) {
			return new BadUpstreamException("The language model answered " + status
					+ " (a redirect, which is not followed); nothing was stored.");
		}
		if (status != null) {
			return new BadUpstreamException("The language model answered " + status + "; nothing was stored.");
		}
		return new BadUpstreamException("The language model failed to answer; nothing was stored.");
	}

	/**
	 * What a test call's failure means to the administrator who chose the model: unlike
	 * an answer's failure, it says what the server answered (its status and the start of
	 * its text), since the administrator named that server and has to fix the choice.
	 * @param failure what the model's client threw
	 * @param where the server's address (without credentials) or the model file's name
	 * @return the refusal to throw: 503 when the server could not be reached or stayed
	 * silent, 502 otherwise
	 */
	public static RagChatException ofCheck(RuntimeException failure, String where) {
		if (logger.isWarnEnabled()) {
			logger.warn("The test call to {} failed: {}", where, causes(failure));
		}
		if (causedBy(failure, TimeoutException.class, HttpTimeoutException.class, SocketTimeoutException.class)) {
			return new UnavailableException(
					"The test call to " + where + " got no answer in time; nothing was kept. Is the model loaded?");
		}
		if (causedBy(failure, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class)) {
			return new UnavailableException("The test call could not reach " + where
					+ " (nothing answers there); nothing was kept. Is the server running?");
		}
		Integer status = status(failure);
		if (status != null && status >= 300 && status < 400) {
			return new BadUpstreamException("The test call to " + where + " was answered " + status
					+ " (a redirect, which is not followed); nothing was kept. Give the server's own address.");
		}
		if (status != null) {
			return new BadUpstreamException("The test call to " + where + " was answered " + status + ": "
					+ serverText(failure) + "; nothing was kept.");
		}
		// the client's own message may name its classes: the log has it
		return new BadUpstreamException("The test call to " + where
				+ " failed: its answer could not be read as this kind of server's; nothing was kept.");
	}

	/** The server's own text after {@code "404 - "}, one line, short. */
	private static String serverText(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				Matcher matcher = STATUS.matcher(cause.getMessage());
				if (matcher.find()) {
					String text = printable(cause.getMessage().substring(matcher.end()));
					return text.isEmpty() ? "(no text)" : text;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return "(no text)";
	}

	private static String printable(String text) {
		String line = text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	/**
	 * @return the HTTP status a model's server answered, from Spring AI's exceptions
	 * ({@code "503 - body"}), or null
	 */
	private static Integer status(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if ((cause instanceof TransientAiException || cause instanceof NonTransientAiException)
					&& cause.getMessage() != null) {
				Matcher matcher = STATUS.matcher(cause.getMessage());
				if (matcher.find()) {
					return Integer.valueOf(matcher.group(1));
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/** The failure and its causes, in one line (the stack trace is logged at debug). */
	private static String causes(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.toString());
		for (Throwable cause = failure.getCause(); cause != null
				&& cause != cause.getCause(); cause = cause.getCause()) {
			text.append("; caused by ").append(cause);
		}
		return text.toString();
	}

	@SafeVarargs
	private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
