package dev.ragchat.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers whose address must be known before they start (a stub model server a
 * shared context is given, a service an identity provider redirects to). A port the
 * system hands out for {@code bind(0)} is also one it hands out to outgoing connections:
 * freed, it may be taken by any connection of the run (a browser's, the other test JVM's)
 * before the server binds it. These come from below the system's ephemeral range, which
 * neither hands out.
 */
public final class TestPorts {

	/** Linux's ephemeral range starts here unless configured otherwise. */
	private static final int EPHEMERAL_FROM = 32768;

	private static final int LOWEST = 20000;

	private TestPorts() {
	}

	/**
	 * @return a port below the ephemeral range that nothing listens on now
	 */
	public static int unused() {
		int below = ephemeralFrom();
		if (below - LOWEST > 1000) {
			for (int tries = 0; tries < 100; tries++) {
				int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
				try (ServerSocket socket = new ServerSocket()) {
					socket.bind(new InetSocketAddress(port));
					return port;
				}
				catch (IOException ex) {
					// taken: another
				}
			}
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int ephemeralFrom() {
		try {
			return Integer
				.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return EPHEMERAL_FROM;
		}
	}

}
