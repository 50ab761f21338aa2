package dev.ragchat.answer.query;

import java.util.List;

/**
 * What the turns before a message give ({@link ConversationReader}).
 *
 * @param focus the subject in focus (empty: none)
 * @param answered the last two questions answered, oldest first
 * @param said the answer to the last of them, next to which a "why?" finds reasons
 * @param called the common noun by which the message calls a thing named before it
 * ({@link Described}), or {@code null}
 */
record Prior(List<Subject> focus, List<String> answered, String said, String called) {

}
