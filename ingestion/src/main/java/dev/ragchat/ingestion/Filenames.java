package dev.ragchat.ingestion;

/**
 * Makes an uploaded file name safe to store and show: only its last path element, no
 * control or bidi characters, at most 255 characters. File names are never used as paths.
 */
final class Filenames {

	private static final int MAX_LENGTH = 255;

	private Filenames() {
	}

	static String sanitize(String name) {
		if (name == null) {
			return "upload";
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		last.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.isEmpty()) {
			return "upload";
		}
		return (result.length() > MAX_LENGTH) ? result.substring(0, MAX_LENGTH) : result;
	}

}
