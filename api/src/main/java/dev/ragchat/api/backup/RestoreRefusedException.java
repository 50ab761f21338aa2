package dev.ragchat.api.backup;

/**
 * A restore that would not give back the service as it was backed up: the data directory
 * is not empty, or the archive does not match its manifest.
 */
public class RestoreRefusedException extends IllegalStateException {

	RestoreRefusedException(String message) {
		super(message);
	}

}
