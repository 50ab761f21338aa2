package dev.ragchat.answer.text;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as English spells it: the contractions a chat writes without their apostrophe
 * ("whats her email address", "im on plan 2", "they didnt come") written with it, and "u"
 * as "you", so that what reads a message (what it asks, whether it asks at all, what it
 * points back at) reads the words it knows. Only spellings that are no word of their own
 * are restored: "its", "were", "well", "shed", "ill" and "lets" are words and stay as
 * written; "cant" and "wont" are words too, but rare beside "can't" and "won't" in a
 * question. A word written in capitals only ("IM") is left alone: it may be a code. By
 * hand, as no library kept for Java restores chat spelling; it is a list of English
 * contractions, nothing of a knowledge base's.
 */
public final class ChatSpelling {

	private static final Map<String, String> CONTRACTED = Map.ofEntries(Map.entry("whats", "what's"),
			Map.entry("hows", "how's"), Map.entry("whos", "who's"), Map.entry("wheres", "where's"),
			Map.entry("whens", "when's"), Map.entry("thats", "that's"), Map.entry("theres", "there's"),
			Map.entry("heres", "here's"), Map.entry("im", "I'm"), Map.entry("ive", "I've"),
			Map.entry("youre", "you're"), Map.entry("youve", "you've"), Map.entry("youll", "you'll"),
			Map.entry("theyre", "they're"), Map.entry("theyve", "they've"), Map.entry("theyll", "they'll"),
			Map.entry("weve", "we've"), Map.entry("isnt", "isn't"), Map.entry("arent", "aren't"),
			Map.entry("wasnt", "wasn't"), Map.entry("werent", "weren't"), Map.entry("dont", "don't"),
			Map.entry("doesnt", "doesn't"), Map.entry("didnt", "didn't"), Map.entry("cant", "can't"),
			Map.entry("couldnt", "couldn't"), Map.entry("wouldnt", "wouldn't"), Map.entry("shouldnt", "shouldn't"),
			Map.entry("wont", "won't"), Map.entry("hasnt", "hasn't"), Map.entry("havent", "haven't"),
			Map.entry("hadnt", "hadn't"), Map.entry("mustnt", "mustn't"), Map.entry("u", "you"));

	private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’])\\p{L}+(?![\\p{L}\\p{N}'’])");

	private ChatSpelling() {
	}

	/**
	 * @param message what was written
	 * @return the message with its apostrophe-less contractions spelled out ("whats" →
	 * "what's", "Im" → "I'm", "u" → "you"), everything else as written
	 */
	public static String standard(String message) {
		if (message == null || message.isEmpty()) {
			return message;
		}
		Matcher words = WORD.matcher(message);
		StringBuilder spelled = new StringBuilder();
		while (words.find()) {
			String word = words.group();
			String lower = word.toLowerCase(Locale.ROOT);
			String contracted = CONTRACTED.get(lower);
			boolean capitals = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
			// "U" alone is a letter (a plan U, a U-bend) more often than "you"
			if (contracted == null || capitals || word.equals("U")) {
				words.appendReplacement(spelled, Matcher.quoteReplacement(word));
				continue;
			}
			String written = Character.isUpperCase(word.charAt(0))
					? Character.toUpperCase(contracted.charAt(0)) + contracted.substring(1) : contracted;
			words.appendReplacement(spelled, Matcher.quoteReplacement(written));
		}
		words.appendTail(spelled);
		return spelled.toString();
	}

}
