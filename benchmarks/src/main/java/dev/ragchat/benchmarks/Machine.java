package dev.ragchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the machine was doing: load averages and this process's resident memory, read from
 * {@code /proc} (Linux), printed next to each figure because the machine is shared.
 */
final class Machine {

	private Machine() {
	}

	/**
	 * @return the 1, 5 and 15 minute load averages, e.g. {@code 1.52 1.40 1.21}
	 */
	static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	/**
	 * @return this process's resident set size in MiB, or -1 if unknown
	 */
	static long residentMib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return -1;
	}

}
