package dev.ragchat.answer.generate.providers;

import java.util.concurrent.Semaphore;

/**
 * The one slot of a llama.cpp model, for tests of the generate stage that hold it (a busy
 * model) or see it taken for good (a closed one): package-private in the model.
 */
public final class LlamaCppSlot {

	private LlamaCppSlot() {
	}

	/**
	 * @param model a model
	 * @return its slot
	 */
	public static Semaphore of(LlamaCppChatModel model) {
		return model.slot;
	}

}
