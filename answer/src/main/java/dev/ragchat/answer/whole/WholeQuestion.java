package dev.ragchat.answer.whole;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.Listing;

/**
 * A question about the whole scope rather than its best passages: <em>which</em>
 * documents say something, <em>how many</em>, <em>list all</em> of something the
 * documents name, or <em>the figure of each</em> document. Read from how English asks
 * about a collection of documents (a plural noun for documents after "which", "how many",
 * "list all", or "of each"): a rule of the language, the same for every subject. A
 * question whose documents noun is the object of its verb ("how many pages does the
 * manual have?") asks about one document and is not one of these.
 *
 * @param kind {@link Listing#WHICH}, {@link Listing#HOW_MANY}, {@link Listing#LIST} or
 * {@link Listing#EACH}
 * @param predicate what a document must say to be an item ("have a termination fee")
 * @param earlier whether it asks of the documents an earlier answer listed ("how many of
 * them …")
 * @param conditions what else a document must say, anywhere in it, to be counted: the
 * words that narrow the documents noun ("governed by Finnish law" in "how many contracts
 * governed by Finnish law have a termination fee?")
 * @param names whether each document's item is a name rather than a figure: what the
 * documents name ("list every supplier named in the contracts"), or what "who" or "which"
 * asks of each ("which country's law governs each contract?")
 * @param things the things the question asks about in place of documents ("halls" of
 * "which halls allow pets?"), each with a document of its own ({@link Things}), or
 * {@code null} when it asks about documents
 * @param titled whether the things are only those whose documents' titles write every
 * word of the kind: a kind of two words read without "of the" or "of your" ("which
 * recycling centres take asbestos?"), where the two words may as well be a noun and its
 * verb ("which router supports mesh?"), which no two titles write
 */
public record WholeQuestion(String kind, String predicate, boolean earlier, List<String> conditions, boolean names,
		String things, boolean titled) {

	/**
	 * "Which halls …", "how many of the routers …", "list the campgrounds that …": a
	 * plural noun where the question would name documents, with the noun before it when
	 * that is no plural ("support teams"; group 1).
	 */
	private static final Pattern THINGS = Pattern
		.compile("^\\W*(?:and\\s+|so\\s+)?(?:(?:in|from|under|for|with|by|on|to)"
				+ "\\s+)?(?:which|what|how\\s+many|(?:list|name|show(?:\\s+me)?)(?:\\s+(?:all|every|each))?)\\s+(?:of\\s+)?"
				+ "(?:the\\s+|our\\s+|your\\s+|these\\s+|those\\s+)?(?!(?:does|has|was|this|its|his|yes)\\b)"
				+ "((?:\\p{L}[\\p{L}-]*\\s+)??\\p{L}[\\p{L}-]*[^s\\W]s)\\b", Pattern.CASE_INSENSITIVE);

	/** "of your", "of the": what a noun phrase of things follows. */
	private static final Pattern PARTITIVE = Pattern.compile("\\bof\\s+(?:the|our|your|these|those)\\s+\\S+\\s+\\S+$",
			Pattern.CASE_INSENSITIVE);

	/** Plural nouns English uses for documents. */
	private static final String DOCUMENTS = "(?:documents|files|contracts|agreements|leases|policies|papers|reports"
			+ "|filings|abstracts|articles|pages|invoices|manuals|guides|handbooks|memos|studies|proposals|publications"
			+ "|transcripts|brochures|specifications|leaflets|booklets|pamphlets|flyers|newsletters|bulletins|circulars"
			+ "|datasheets|factsheets|letters|e-?mails|theses|dissertations|presentations|certificates|receipts)";

	/** Words before the noun: "of our", "of the annual", "of them". */
	private static final String BEFORE = "(?:of\\s+(?:the|our|these|those|my|your|all(?:\\s+the)?)\\s+)?(?:[\\w-]+\\s+){0,2}?";

	/** What an earlier answer listed. */
	private static final String EARLIER = "(them|those|these|those\\s+ones|these\\s+ones)";

	private static final Pattern HOW_MANY = Pattern.compile("^\\W*(?:and\\s+|so\\s+)?how\\s+many\\s+(?:of\\s+" + EARLIER
			+ "\\b|" + BEFORE + DOCUMENTS + "\\b)\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern WHICH = Pattern
		.compile(
				"^\\W*(?:and\\s+|so\\s+)?((?:in|from|under|for|with|by|on|to)\\s+)?(?:which|what)\\s+(?:of\\s+"
						+ EARLIER + "\\b|" + BEFORE + DOCUMENTS + "\\b)\\s*(.*)$",
				Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** How English asks for a list: "list", "show me", "can you name". */
	private static final String LISTING = "(?:please\\s+|can\\s+you\\s+|could\\s+you\\s+)?(?:list|name|enumerate|find"
			+ "|show(?:\\s+me)?|give\\s+me)";

	private static final Pattern LIST = Pattern.compile(
			"^\\W*" + LISTING + "\\s+(?:all\\s+|every\\s+|each\\s+)?(?:of\\s+)?(?:the\\s+)?(.+?)\\W*$",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** A list asked for and nothing else before "every …": "List every page that …". */
	private static final Pattern LISTING_ONLY = Pattern.compile("^\\W*" + LISTING + "$", Pattern.CASE_INSENSITIVE);

	/**
	 * "the supplier named in the contracts": what the documents name, and what narrows
	 * them after the noun ("… of the contracts governed by Danish law").
	 */
	private static final Pattern NAMED_IN = Pattern.compile("^(.+?)\\s+(?:(?:that\\s+(?:is|are)\\s+)?(?:named|mentioned"
			+ "|listed|cited|given|found|quoted))?\\s*(?:in|across|from|of)\\s+(?:the\\s+|our\\s+|all\\s+(?:the\\s+)?|these\\s+|my\\s+)?"
			+ "(?:[\\w-]+\\s+)?" + DOCUMENTS + "\\b(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/**
	 * Words that narrow the documents noun before the verb of what they must say:
	 * "governed by Finnish law" in "contracts governed by Finnish law have a termination
	 * fee", "for cleaning services" in "contracts for cleaning services set …".
	 */
	private static final Pattern CONDITION = Pattern
		.compile("^((?:governed|signed|dated|made|issued|written|filed|published|concluded|under|for|from|in)\\b.+?)"
				+ "\\s+(?:(?:do|does|did)\\s+)?(?:have|has|had|set|sets|say|says|allow|allows|let|lets|mention|mentions"
				+ "|state|states|include|includes|contain|contains|require|requires|give|gives|name|names|are|is|were|was)\\b",
				Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** "contracts that mention X": documents that say something. */
	private static final Pattern DOCUMENTS_THAT = Pattern.compile("^(?:[\\w-]+\\s+)?" + DOCUMENTS + "\\b\\s*(.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** Singular nouns English uses for a document. */
	private static final String DOCUMENT = "(?:document|file|contract|agreement|lease|policy|paper|report|filing|abstract"
			+ "|article|page|invoice|manual|guide|handbook|memo|study|proposal|publication|transcript|brochure"
			+ "|specification|leaflet|booklet|pamphlet|flyer|newsletter|bulletin|circular|datasheet|factsheet|letter"
			+ "|e-?mail|thesis|dissertation|presentation|certificate|receipt)";

	private static final Pattern EACH = Pattern.compile("\\s*\\b(?:(of|in|for|from|by|across)\\s+)?(?:each|every)\\s+"
			+ "(?:(?:one\\s+)?of\\s+(?:the|our|these|those)\\s+(?:[\\w-]+\\s+){0,2}?" + DOCUMENTS
			+ "|(?:[\\w-]+\\s+){0,2}?" + DOCUMENT + ")\\b", Pattern.CASE_INSENSITIVE);

	/** What asks for a figure rather than names it: "what is the", "give me the". */
	private static final Pattern ASKING = Pattern.compile(
			"^\\W*(?:and\\s+)?(?:what|which|who|how\\s+much|how\\s+many|give\\s+me"
					+ "|list|show(?:\\s+me)?|tell\\s+me)\\s+(?:is|are|was|were|does|do|did)?\\s*(?:the\\s+)?",
			Pattern.CASE_INSENSITIVE);

	/** A question that asks for a name: "who", "which", "whose". */
	private static final Pattern NAME = Pattern.compile("^\\W*(?:and\\s+)?(?:who|whom|whose|which)\\b",
			Pattern.CASE_INSENSITIVE);

	/** An auxiliary that asks: "what fee does …". */
	private static final Pattern AUXILIARY = Pattern.compile("\\s*\\b(?:do|does|did)\\s*$", Pattern.CASE_INSENSITIVE);

	/** The verb that ends a question whose subject is each document: "… set?". */
	private static final Pattern LAST_WORD = Pattern.compile("\\s*\\b[\\w-]+\\W*$");

	/**
	 * A documents noun as the object of the verb: "how many pages does the manual have".
	 */
	private static final Pattern OBJECT = Pattern.compile("^(?:(?:do|does|did|can|could|should|would|will)\\s+"
			+ "(?:the|a|an|this|that|it|its|i|we|you|they|he|she)|(?:have|has|had)\\s+(?:i|we|you|they|he|she|it))\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The verbs a document says something with, not what it says, and after one the kind
	 * of thing a paper reports, not what it reports ("report experiments on mice": mice;
	 * an abstract says "mice lacking the gene", seldom "experiment").
	 */
	private static final Pattern SAYING = Pattern
		.compile("^(?:that\\s+|which\\s+|where\\s+|whose\\s+)?(?:do\\s+|does\\s+|did\\s+"
				+ "|is\\s+|are\\s+)?(?:(?:mention|say|contain|include|discuss|cover|describe|state|report|name|list|refer\\s+to"
				+ "|talk\\s+about|speak\\s+of|deal\\s+with|give|have|set)(?:s|es|ed|ing)?\\b\\s*(?:(?:an?\\s+|any\\s+)?"
				+ "(?:experiments?|research|stud(?:y|ies)|results?|findings?|evidence|data)\\s+(?:on|in|with|of|about|from|into"
				+ "|using|involving)\\s+)?|(?:mentioning|containing|including|with|about|on)\\b\\s*)?",
				Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was asked
	 * @return the question about the whole scope it asks, or {@code null} for any other
	 */
	public static WholeQuestion of(String message) {
		WholeQuestion documents = ofDocuments(message.strip());
		if (documents != null) {
			return documents;
		}
		// things that have a document each, asked as documents are: read as documents,
		// the scope then narrowed to those things' documents
		Matcher things = THINGS.matcher(message.strip());
		if (!things.lookingAt() || things.group(1).matches("(?i)" + DOCUMENTS)) {
			return null;
		}
		// two words are a noun of two words after "of the", "of your" …; without, they
		// may be a noun and its verb ("which router supports mesh?"): things only if
		// titles write both ("Quarry Road Recycling Centre")
		boolean titled = things.group(1).contains(" ") && !PARTITIVE.matcher(things.group()).find();
		if (titled && things.group(1).split(" ")[0].matches("(?i)" + DOCUMENT)) {
			// "which document describes the refund policy?" asks for one document
			return null;
		}
		String asDocuments = message.strip().substring(0, things.start(1)) + "documents"
				+ message.strip().substring(things.end(1));
		WholeQuestion asked = ofDocuments(asDocuments);
		Matcher which = WHICH.matcher(asDocuments);
		if (asked == null && which.matches() && which.group(1) == null && which.group(2) == null
				&& OBJECT.matcher(which.group(3)).find()) {
			// a thing, unlike a document, is what one does something with: "which apps
			// can
			// I use offline?" asks of the apps whose pages say they can be
			asked = of(Listing.WHICH, which.group(3), false);
		}
		return (asked != null) ? new WholeQuestion(asked.kind, asked.predicate, asked.earlier, asked.conditions,
				asked.names, things.group(1).toLowerCase(Locale.ROOT), titled) : null;
	}

	private static WholeQuestion ofDocuments(String text) {
		Matcher each = EACH.matcher(text);
		if (ASKING.matcher(text).lookingAt() && each.find()) {
			// what follows "of each contract" narrows the contracts; each contract as the
			// subject ("what fee does each contract governed by Swedish law set?") ends
			// with the verb of what it says
			String before = text.substring(0, each.start()).strip();
			if (LISTING_ONLY.matcher(before).matches()) {
				// "list every page that gives a price": the pages that give one, listed,
				// not a figure of each
				return ofDocuments(before + " the documents" + text.substring(each.end()));
			}
			String predicate = AUXILIARY.matcher(ASKING.matcher(before).replaceFirst("")).replaceFirst("");
			String after = text.substring(each.end());
			boolean subject = each.group(1) == null && AUXILIARY.matcher(before).find();
			return of(Listing.EACH, predicate, false,
					conditions(subject ? LAST_WORD.matcher(after).replaceFirst("") : after), NAME.matcher(text).find());
		}
		Matcher howMany = HOW_MANY.matcher(text);
		if (howMany.matches()) {
			return asked(Listing.HOW_MANY, howMany.group(2), howMany.group(1) != null);
		}
		Matcher which = WHICH.matcher(text);
		if (which.matches() && (which.group(1) != null || !OBJECT.matcher(which.group(3)).find())) {
			// "in which reports does revenue fall?": the noun is where it is said
			return (which.group(1) != null) ? of(Listing.WHICH,
					which.group(3).replaceFirst("(?i)^(?:do|does|did)\\s+", ""), which.group(2) != null)
					: narrowed(Listing.WHICH, which.group(3), which.group(2) != null);
		}
		Matcher list = LIST.matcher(text);
		if (list.matches()) {
			Matcher documents = DOCUMENTS_THAT.matcher(list.group(1));
			if (documents.matches()) {
				return of(Listing.LIST, said(documents.group(1)), false);
			}
			Matcher named = NAMED_IN.matcher(list.group(1));
			if (named.matches()) {
				return of(Listing.LIST, named.group(1), false, conditions(named.group(2)), true);
			}
		}
		return null;
	}

	private static WholeQuestion asked(String kind, String rest, boolean earlier) {
		return OBJECT.matcher(rest).find() ? null : narrowed(kind, rest, earlier);
	}

	/**
	 * What the documents must say, and what narrows them when the question writes it
	 * before the verb ("contracts governed by Finnish law have …").
	 */
	private static WholeQuestion narrowed(String kind, String rest, boolean earlier) {
		Matcher condition = CONDITION.matcher(rest.strip());
		return condition.lookingAt()
				? of(kind, said(rest.strip().substring(condition.end(1))), earlier, conditions(condition.group(1)))
				: of(kind, said(rest), earlier);
	}

	private static WholeQuestion of(String kind, String predicate, boolean earlier) {
		return of(kind, predicate, earlier, List.of());
	}

	private static WholeQuestion of(String kind, String predicate, boolean earlier, List<String> conditions) {
		return of(kind, predicate, earlier, conditions, false);
	}

	private static WholeQuestion of(String kind, String predicate, boolean earlier, List<String> conditions,
			boolean names) {
		String cleaned = cleaned(predicate);
		return cleaned.isEmpty() ? null : new WholeQuestion(kind, cleaned, earlier, conditions, names, null, false);
	}

	private static String cleaned(String text) {
		return text.replaceAll("[?!.]+\\s*$", "").strip();
	}

	/** What narrows the documents, as a document says it (none when it is empty). */
	private static List<String> conditions(String text) {
		String condition = cleaned(said(text));
		return condition.isEmpty() ? List.of() : List.of(condition);
	}

	/** What a document must say: the predicate without the verb of saying. */
	private static String said(String rest) {
		return SAYING.matcher(rest.strip()).replaceFirst("");
	}

	/**
	 * @return what a document must say to be counted: what is asked, then what narrows
	 * the documents, each as the answer quotes it
	 */
	List<String> says() {
		List<String> says = new java.util.ArrayList<>(List.of(this.predicate));
		says.addAll(this.conditions);
		return says;
	}

	@Override
	public String toString() {
		return this.kind + ": " + this.predicate.toLowerCase(Locale.ROOT)
				+ (this.conditions.isEmpty() ? "" : " (of those " + String.join(", ", this.conditions) + ")")
				+ (this.earlier ? " (of those listed)" : "");
	}

}
