package dev.ragchat.api.chat.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * Whether the retrieved sources speak of what a question names. A question's specific
 * terms are its names (a word with a capital letter inside a sentence, or a word of
 * several capitals or digits: "3M", "Adobe", "JPMorgan") and its periods (years, also
 * written "FY2018", "FY18"). A term is supported when a source's title, heading path or
 * text holds it as a word (case aside; a name also inside a title word, so that
 * "Activision" is found in a title made of the file name "ACTIVISIONBLIZZARD_2019_10K").
 * Words that finance questions capitalise without naming anyone (GAAP, EBITDA, Q2...) are
 * not names. The question is supported when every period is, and every name is.
 */
final class QuestionTerms {

	private static final Pattern WORD = Pattern
		.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'’.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

	private static final Pattern YEAR = Pattern
		.compile("(?i)(?<![\\p{L}\\p{N}])(?:FY\\s?'?)?((?:19|20)\\d{2})(?![\\p{N}])|(?i)\\bFY\\s?'?(\\d{2})\\b");

	private static final Set<String> NOT_NAMES = Set.of("fy", "q1", "q2", "q3", "q4", "h1", "h2", "gaap", "non-gaap",
			"ebitda", "ebit", "eps", "pp&e", "cogs", "sg&a", "r&d", "fcf", "roa", "roe", "roic", "dpo", "dso", "dio",
			"capex", "usd", "us", "u.s", "yoy", "p&l", "ltm", "ttm", "ceo", "cfo", "sec", "10-k", "10-q", "8-k", "10k",
			"10q", "8k", "i", "ii", "iii", "iv", "kpi", "kpis", "ratio", "net", "total", "inc", "corp", "co", "company",
			"corporation", "llc", "ltd", "plc", "group", "the", "what", "how", "which", "who", "is", "are", "does",
			"did", "was", "were", "a", "an", "in", "of", "for", "and", "or", "by", "on", "to", "from", "its", "their",
			"as", "at", "yes", "no", "ltv", "dividends", "dividend", "mda", "md&a", "ok", "cagr", "d&a", "var", "ccc",
			"wacc", "arpu", "opex", "nopat", "ffo", "ev", "p/e", "bps", "eur", "gbp", "jpy",
			// finance words a question may capitalise ("the Free Cash Flow", "the Balance
			// Sheet")
			"free", "cash", "flow", "flows", "revenue", "revenues", "income", "operating", "operations", "margin",
			"margins", "gross", "assets", "asset", "liabilities", "equity", "statement", "statements", "balance",
			"sheet", "earnings", "sales", "capital", "expenditure", "expenditures", "working", "debt", "interest",
			"tax", "taxes", "profit", "loss", "expenses", "expense", "share", "shares", "stock", "annual", "report",
			"quarter", "quarterly", "fiscal", "year", "segment", "segments", "consolidated", "financial", "item",
			"part", "form", "note", "notes", "inventory", "turnover", "return", "payable", "receivable", "days");

	/**
	 * An abbreviation the question defines: "cash conversion cycle (CCC)", "CCC is
	 * defined as".
	 */
	private static final Pattern DEFINED = Pattern.compile(
			"\\(([\\p{L}&/]{2,})\\)|\\b([\\p{Lu}&/]{2,})\\s+(?:is|are|here is)\\s+(?:defined|calculated|computed)");

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!:]['\")\\]]*$");

	private QuestionTerms() {
	}

	/**
	 * @param question what was asked
	 * @return its names, lower case, in order
	 */
	static List<String> names(String question) {
		Set<String> defined = new java.util.HashSet<>();
		Matcher definitions = DEFINED.matcher(question);
		while (definitions.find()) {
			String term = (definitions.group(1) != null) ? definitions.group(1) : definitions.group(2);
			defined.add(term.toLowerCase(Locale.ROOT));
		}
		Set<String> names = new LinkedHashSet<>();
		boolean sentenceStart = true;
		for (String word : question.strip().split("\\s+")) {
			Matcher matcher = WORD.matcher(word);
			boolean start = sentenceStart;
			sentenceStart = SENTENCE_END.matcher(word).matches();
			if (!matcher.find()) {
				continue;
			}
			String bare = matcher.group().replaceAll("['’]s$", "");
			String lower = bare.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
			if (NOT_NAMES.contains(lower) || defined.contains(lower) || YEAR.matcher(bare).matches()
					|| bare.matches("[\\p{N},.%$]+")) {
				continue;
			}
			boolean acronym = bare.matches(".*\\p{Lu}.*\\p{Lu}.*|.*\\p{N}.*\\p{L}.*|.*\\p{L}.*\\p{N}.*");
			boolean capital = Character.isUpperCase(bare.charAt(0));
			if (acronym || (capital && !start)) {
				names.add(lower);
			}
		}
		return new ArrayList<>(names);
	}

	/**
	 * @param question what was asked
	 * @return the years it names, in order
	 */
	static List<String> years(String question) {
		Set<String> years = new LinkedHashSet<>();
		Matcher matcher = YEAR.matcher(question);
		while (matcher.find()) {
			years.add((matcher.group(1) != null) ? matcher.group(1) : "20" + matcher.group(2));
		}
		return new ArrayList<>(years);
	}

	/**
	 * @param question what was asked
	 * @param sources what was retrieved for it
	 * @return the question's names and periods the sources do not hold (empty: all
	 * supported)
	 */
	static List<String> unsupported(String question, List<ScoredChunk> sources) {
		StringBuilder text = new StringBuilder();
		StringBuilder titles = new StringBuilder();
		for (ScoredChunk source : sources) {
			text.append(source.chunk().indexText()).append('\n');
			titles.append(source.chunk().title()).append(' ').append(source.chunk().filename()).append('\n');
		}
		String haystack = " " + words(text.toString()) + " ";
		String compactTitles = titles.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\n ]", "");
		List<String> missing = new ArrayList<>();
		for (String name : names(question)) {
			String words = words(name);
			if (!haystack.contains(" " + words + " ") && !compactTitles.contains(words.replace(" ", ""))) {
				missing.add(name);
			}
		}
		for (String year : years(question)) {
			if (!haystack.contains(" " + year + " ") && !haystack.contains(" fy" + year.substring(2) + " ")
					&& !haystack.contains(" fy" + year + " ")) {
				missing.add(year);
			}
		}
		return missing;
	}

	/**
	 * Lower case, punctuation as spaces (except inside words like "P&G", "J.P."), one
	 * space between words.
	 */
	private static String words(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "").replaceAll("[^\\p{L}\\p{N}&]+", " ").strip();
	}

}
