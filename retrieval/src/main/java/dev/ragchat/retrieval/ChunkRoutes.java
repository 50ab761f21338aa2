package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Which embedding model's index serves a knowledge base ({@link ChunkIndexes}): the one
 * it was built with, and, while it moves to another model, the shadow index that is being
 * filled. The catalog answers (the knowledge base's record and its running migration),
 * read at every call so that every node sees a switch at once.
 */
@FunctionalInterface
public interface ChunkRoutes {

	/** Every knowledge base on the server's own model, none moving. */
	ChunkRoutes PRIMARY = (knowledgeBase) -> new Route(null, null);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its route
	 */
	Route route(String knowledgeBase);

	/**
	 * A knowledge base's route.
	 *
	 * @param active the model whose index answers its searches, or {@code null}: the
	 * server's own (or the knowledge base does not exist)
	 * @param shadow the model of the index a migration fills, or {@code null}: none
	 */
	record Route(String active, String shadow) {

		/**
		 * @param primary the server's own model
		 * @return the models whose indexes a document's chunks go to: the active one
		 * first, then the shadow
		 */
		public List<String> targets(String primary) {
			List<String> targets = new ArrayList<>(2);
			String first = (this.active != null) ? this.active : primary;
			targets.add(first);
			if (this.shadow != null && !this.shadow.equals(first)) {
				targets.add(this.shadow);
			}
			return targets;
		}

	}

}
