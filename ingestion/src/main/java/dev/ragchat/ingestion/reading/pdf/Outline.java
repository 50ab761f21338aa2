package dev.ragchat.ingestion.reading.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * A PDF's heading paths from its outline (bookmarks): each page gets the path of the last
 * bookmark that points at it or before it. A bookmark's level is its depth in the
 * outline. Without an outline every path is empty.
 */
final class Outline {

	private static final int MAX_ITEMS = 5_000;

	private static final int MAX_DEPTH = 6;

	/** Page number to the heading path in force from that page on. */
	private final TreeMap<Integer, String> paths;

	private Outline(TreeMap<Integer, String> paths) {
		this.paths = paths;
	}

	static Outline of(PDDocument pdf) {
		TreeMap<Integer, String> paths = new TreeMap<>();
		try {
			PDOutlineNode root = pdf.getDocumentCatalog().getDocumentOutline();
			if (root != null) {
				// pages are equal by their dictionary, not as Java objects
				Map<org.apache.pdfbox.cos.COSDictionary, Integer> numbers = new java.util.IdentityHashMap<>();
				int number = 1;
				for (PDPage page : pdf.getPages()) {
					numbers.put(page.getCOSObject(), number++);
				}
				List<Entry> entries = new ArrayList<>();
				walk(pdf, root, new ArrayList<>(), numbers, entries);
				// in page order, a later bookmark on the same page wins
				entries.sort(java.util.Comparator.comparingInt(Entry::page));
				for (Entry entry : entries) {
					paths.put(entry.page(), entry.path());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// a broken outline costs the headings, never the document
			paths.clear();
		}
		return new Outline(paths);
	}

	private static void walk(PDDocument pdf, PDOutlineNode node, List<String> above,
			Map<org.apache.pdfbox.cos.COSDictionary, Integer> numbers, List<Entry> entries) throws IOException {
		if (above.size() >= MAX_DEPTH) {
			return;
		}
		for (PDOutlineItem item : node.children()) {
			if (entries.size() >= MAX_ITEMS) {
				return;
			}
			String title = (item.getTitle() != null) ? item.getTitle().replaceAll("\\s+", " ").strip() : "";
			List<String> path = new ArrayList<>(above);
			if (!title.isEmpty()) {
				path.add(title);
			}
			PDPage page = item.findDestinationPage(pdf);
			Integer number = (page != null) ? numbers.get(page.getCOSObject()) : null;
			if (number != null && !title.isEmpty()) {
				entries.add(new Entry(number, String.join(" > ", path)));
			}
			walk(pdf, item, path, numbers, entries);
		}
	}

	/**
	 * @param page a page number
	 * @return the heading path in force on it ({@code ""} before the first bookmark)
	 */
	String headingPath(int page) {
		Map.Entry<Integer, String> entry = this.paths.floorEntry(page);
		return (entry != null) ? entry.getValue() : "";
	}

	/**
	 * @return whether the PDF has no usable outline
	 */
	boolean isEmpty() {
		return this.paths.isEmpty();
	}

	private record Entry(int page, String path) {

	}

}
