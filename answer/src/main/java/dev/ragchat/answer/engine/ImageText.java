package dev.ragchat.answer.engine;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.Citation;

/**
 * Text read in attached images, without a model: it joins the question for search
 * (brackets become parentheses, so an image cannot plant citation markers), and the
 * answer says what was read.
 *
 * @param read the text, one line
 */
record ImageText(String read) {

	private static final int MAX_IMAGE_QUERY = 2000;

	static ImageText of(String imageText) {
		if (imageText == null) {
			return null;
		}
		return new ImageText(imageText.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip());
	}

	String joinedTo(String query) {
		return this.read.isEmpty() ? query
				: query + "\n" + this.read.substring(0, Math.min(this.read.length(), MAX_IMAGE_QUERY));
	}

	AnswerGenerator.Generated before(AnswerGenerator.Generated generated) {
		return new AnswerGenerator.Generated(note() + generated.text(), generated.grounded(), generated.tokens());
	}

	String note() {
		return this.read.isEmpty() ? "I read the attached image; it holds no text I could make out. "
				: "I read the attached image: \u201c" + ((this.read.length() > Citation.SNIPPET_LENGTH)
						? this.read.substring(0, Citation.SNIPPET_LENGTH) + "…" : this.read) + "\u201d. ";
	}

}
