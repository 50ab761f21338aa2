package dev.ragchat.ingestion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the document list comes from the catalog's page query: the knowledge base is
 * never read whole for it, nor for an upload.
 */
class DocumentListTests {

	@TempDir
	Path dir;

	/** The catalog methods the test's own thread called. */
	final List<String> called = new CopyOnWriteArrayList<>();

	@Test
	void asksTheCatalogForThePageAndNeverForTheWholeKnowledgeBase() throws Exception {
		try (TestIngestion ingestion = new TestIngestion(this.dir.resolve("service"), this::recorded)) {
			ingestion.pause();
			for (int i = 0; i < 30; i++) {
				Path file = Files.writeString(this.dir.resolve("notes-" + i + ".txt"), "Notes number " + i + ".");
				ingestion.documents()
					.submit(TestIngestion.KNOWLEDGE_BASE,
							List.of(new Documents.Upload(((i % 2 == 0) ? "Notes-" : "memo-") + i + ".txt", file)), null,
							null);
			}
			DocumentQuery.Page page = ingestion.documents()
				.page(TestIngestion.KNOWLEDGE_BASE, new DocumentQuery("NOTES", DocumentQuery.Order.NAME, true, 2, 3));
			assertThat(page.documents()).extracting(Document::filename)
				.containsExactly("Notes-4.txt", "Notes-28.txt", "Notes-26.txt");
			assertThat(page.total()).isEqualTo(15);
			assertThat(page.queued()).isEqualTo(30);
			// every document waits: its place is its place in upload order
			List<String> uploadOrder = ingestion.catalog()
				.documents()
				.findByKnowledgeBase(TestIngestion.KNOWLEDGE_BASE)
				.stream()
				.map(Document::id)
				.toList();
			for (Document d : page.documents()) {
				assertThat(page.placesInLine()).containsEntry(d.id(), uploadOrder.indexOf(d.id()) + 1);
			}
			assertThat(this.called).contains("findPage").doesNotContain("findByKnowledgeBase");
		}
	}

	/**
	 * @return the store, recording each method the test's thread calls (the workers'
	 * calls aside)
	 */
	private DocumentStore recorded(DocumentStore store) {
		Thread test = Thread.currentThread();
		return (DocumentStore) Proxy.newProxyInstance(DocumentStore.class.getClassLoader(),
				new Class<?>[] { DocumentStore.class }, (proxy, method, args) -> {
					if (Thread.currentThread() == test) {
						this.called.add(method.getName());
					}
					try {
						return method.invoke(store, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
