package dev.ragchat.answer;

import java.util.List;

/**
 * A question asked back: the message could mean several things the documents speak of.
 *
 * @param kind what the message points at without saying which ("county", "park")
 * @param readings what the documents hold of that kind, each with the source that names
 * it
 */
public record Clarification(String kind, List<Reading> readings) {

	public Clarification {
		readings = List.copyOf(readings);
	}

	/**
	 * @return the question asked back, each reading followed by the marker of its source
	 */
	public String text() {
		StringBuilder text = new StringBuilder("Which ").append(this.kind)
			.append(" do you mean? The documents speak of ");
		for (int i = 0; i < this.readings.size(); i++) {
			if (i > 0) {
				text.append((i == this.readings.size() - 1) ? " and " : ", ");
			}
			text.append(this.readings.get(i).label()).append(" [").append(this.readings.get(i).source()).append(']');
		}
		return text.append('.').toString();
	}

	/**
	 * One reading.
	 *
	 * @param label what the documents call it (a title's part: "County of Alameda")
	 * @param source the number of the source that names it, from 1
	 */
	public record Reading(String label, int source) {

	}

}
