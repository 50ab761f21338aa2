package dev.ragchat.api.backup.web;

import java.util.List;

import dev.ragchat.api.backup.Backup;
import dev.ragchat.api.backup.Backups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups of the embedded mode, for the master key.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "backups", description = "Backups of the embedded mode (master key only)")
@SecurityRequirement(name = "masterKey")
class BackupController {

	private final Backups backups;

	BackupController(Backups backups) {
		this.backups = backups;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Takes a backup while the service serves (409 outside the embedded mode, or while another"
			+ " is taken)")
	Backup create() {
		return this.backups.create();
	}

	@GetMapping
	@Operation(summary = "The backups the target keeps, oldest first")
	BackupList list() {
		return new BackupList(this.backups.list());
	}

	record BackupList(List<Backup> backups) {

	}

}
