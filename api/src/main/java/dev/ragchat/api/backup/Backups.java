package dev.ragchat.api.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.IndexSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Backups of the embedded mode, taken while the service serves and ingests: the H2
 * catalog through its own online backup ({@code BACKUP TO}, transactionally consistent),
 * the Lucene index through a snapshot of its last commit, the originals (a local blob
 * store's files, each written whole by a move) and the generated secrets, with a manifest
 * of checksums. The catalog is copied first, so every document it lists as ready has its
 * original and its chunks in the copies taken after; a document it lists as still being
 * read is read again when a restored service starts.
 */
public final class Backups {

	private static final Logger logger = LoggerFactory.getLogger(Backups.class);

	/**
	 * The generated secrets the data directory may hold (see MasterKey, SessionTokens,
	 * and models.SecretBox, without whose key the model API keys in the catalog are
	 * unreadable).
	 */
	private static final List<String> SECRETS = List.of("master.key", "jwt-signing.key", "model-secrets.key");

	private static final Map<String, String> TABLES = new LinkedHashMap<>();

	static {
		TABLES.put("knowledgeBases", "knowledge_base");
		TABLES.put("documents", "document");
		TABLES.put("apiKeys", "api_key");
		TABLES.put("sessions", "chat_session");
		TABLES.put("messages", "chat_message");
	}

	private final BackupProperties properties;

	private final BackupTarget target;

	private final Embedded embedded;

	private final ChunkIndex index;

	private final Path dataDir;

	private final Clock clock;

	private final ObjectMapper json;

	private final String version;

	private final ReentrantLock running = new ReentrantLock();

	Backups(BackupProperties properties, BackupTarget target, Embedded embedded, ChunkIndex index, Path dataDir,
			Clock clock, ObjectMapper json, String version) {
		this.properties = properties;
		this.target = target;
		this.embedded = embedded;
		this.index = index;
		this.dataDir = dataDir;
		this.clock = clock;
		this.json = json;
		this.version = version;
	}

	/**
	 * Takes a backup, stores it in the target and keeps the newest
	 * {@code ragchat.backup.keep}.
	 * @return the backup
	 * @throws ConflictException if the service does not run embedded, or a backup is
	 * being taken
	 */
	public Backup create() {
		if (this.embedded == null) {
			throw new ConflictException("Backups cover the embedded mode (H2 catalog, Lucene index); this service keeps"
					+ " its catalog and index in MongoDB/Atlas and its originals where configured: back those up with"
					+ " their own tools (Atlas backups or mongodump, S3 versioning or replication; see README, Backup and"
					+ " restore)");
		}
		if (!this.running.tryLock()) {
			throw new ConflictException("A backup is being taken; try again when it ends");
		}
		try {
			return take();
		}
		catch (IOException | SQLException ex) {
			throw new UncheckedIOException("Cannot take a backup",
					(ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex));
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * @return the backups the target keeps, oldest first
	 */
	public List<Backup> list() {
		try {
			return this.target.list()
				.stream()
				.map((stored) -> new Backup(stored.name(), Archives.time(stored.name()), stored.size(),
						this.target.location(), null, null))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the backups in " + this.target.location(), ex);
		}
	}

	/**
	 * The schedule's backup: one more, and a failure logged rather than thrown.
	 */
	void scheduled() {
		try {
			Backup backup = create();
			logger.info("Scheduled backup {} stored in {}", backup.name(), backup.location());
		}
		catch (RuntimeException ex) {
			logger.error("The scheduled backup failed", ex);
		}
	}

	private Backup take() throws IOException, SQLException {
		Instant now = this.clock.instant();
		String name = Archives.name(now);
		Path work = Files.createDirectories(this.dataDir.resolve("work"));
		Path staging = Files.createTempDirectory(work, "backup-");
		try {
			Path root = Files.createDirectories(staging.resolve("data"));
			// the catalog first: what it lists as ready is in the copies that follow
			copyCatalog(root.resolve("catalog"));
			long chunks = this.embedded.index().copyLastCommit(root.resolve("index"));
			long originals = copyOriginals(root.resolve("blobs"));
			for (String secret : SECRETS) {
				Path file = this.dataDir.resolve(secret);
				if (Files.isRegularFile(file)) {
					Files.copy(file, root.resolve(secret));
				}
			}
			copyAudit(root.resolve("audit").resolve("audit.jsonl"));
			Map<String, Long> counts = new LinkedHashMap<>();
			String[] schema = new String[2];
			count(root.resolve("catalog"), counts, schema);
			counts.put("chunks", chunks);
			counts.put("originals", originals);
			Manifest manifest = new Manifest(Manifest.FORMAT, name, now.toString(), this.version, schema[0], schema[1],
					this.index.embeddingModel(), this.index.dimensions(), counts,
					(this.embedded.blobs() != null) ? "included"
							: "not included: the originals are kept in an S3 bucket (back it up with its own tools)",
					Archives.entries(root));
			Path archive = staging.resolve(name);
			Archives.write(root, manifest, archive, this.json);
			long size = Files.size(archive);
			this.target.store(name, archive);
			prune();
			return new Backup(name, now, size, this.target.location(), manifest.embeddingModel(), counts);
		}
		finally {
			FileSystemUtils.deleteRecursively(staging);
		}
	}

	/**
	 * H2's online backup: a ZIP of the database file, consistent to one moment while
	 * writes go on; its one database file is kept as {@code catalog/ragchat.mv.db}.
	 */
	private void copyCatalog(Path catalog) throws IOException, SQLException {
		Files.createDirectories(catalog);
		Path zip = catalog.getParent().getParent().resolve("catalog.zip");
		try (Connection connection = this.embedded.catalog().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
		}
		boolean found = false;
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().endsWith(".mv.db")) {
					Files.copy(in, catalog.resolve("ragchat.mv.db"));
					found = true;
				}
			}
		}
		Files.delete(zip);
		if (!found) {
			throw new IOException("H2's backup holds no database file");
		}
	}

	/**
	 * Counts what the copied catalog holds, reading the copy (read-only), so the counts
	 * are the backup's, not the live service's.
	 */
	private void count(Path catalog, Map<String, Long> counts, String[] schema) throws SQLException {
		String url = "jdbc:h2:file:" + catalog.resolve("ragchat") + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
		try (Connection connection = DriverManager.getConnection(url, this.embedded.user(), this.embedded.password());
				Statement statement = connection.createStatement()) {
			for (Map.Entry<String, String> table : TABLES.entrySet()) {
				try (ResultSet rows = statement.executeQuery("select count(*) from " + table.getValue())) {
					rows.next();
					counts.put(table.getKey(), rows.getLong(1));
				}
			}
			try (ResultSet rows = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
					+ " where \"success\" order by \"installed_rank\" desc limit 1")) {
				schema[0] = rows.next() ? rows.getString(1) : null;
			}
			schema[1] = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
	}

	/**
	 * Copies the local blob store's files; a file removed meanwhile is skipped (its
	 * document went after the catalog was copied), a file being uploaded is not one yet.
	 */
	private long copyOriginals(Path blobs) throws IOException {
		Path source = this.embedded.blobs();
		if (source == null || !Files.isDirectory(source)) {
			return 0;
		}
		long[] copied = new long[1];
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String name = file.getFileName().toString();
				if (name.startsWith(".") && name.endsWith(".tmp")) {
					return FileVisitResult.CONTINUE;
				}
				Path copy = blobs.resolve(source.relativize(file).toString());
				Files.createDirectories(copy.getParent());
				try {
					Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
					copied[0]++;
				}
				catch (NoSuchFileException ex) {
					// deleted while the backup ran
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				return FileVisitResult.CONTINUE;
			}

		});
		return copied[0];
	}

	/**
	 * Copies the audit trail up to its last whole line (it is appended to meanwhile).
	 */
	private void copyAudit(Path copy) throws IOException {
		Path audit = this.dataDir.resolve("audit").resolve("audit.jsonl");
		if (!Files.isRegularFile(audit)) {
			return;
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(audit)) {
			bytes = in.readAllBytes();
		}
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] != '\n') {
			end--;
		}
		Files.createDirectories(copy.getParent());
		Files.write(copy, java.util.Arrays.copyOf(bytes, end));
	}

	private void prune() throws IOException {
		List<BackupTarget.Stored> stored = this.target.list();
		for (int i = 0; i < stored.size() - this.properties.keep(); i++) {
			this.target.delete(stored.get(i).name());
			logger.info("Deleted the backup {}: {} newer ones are kept", stored.get(i).name(), this.properties.keep());
		}
	}

	/**
	 * The embedded stores a backup copies.
	 *
	 * @param catalog the H2 catalog
	 * @param user its user
	 * @param password its password
	 * @param index the Lucene index
	 * @param blobs the local blob store's folder, or {@code null} when originals are in
	 * S3
	 */
	record Embedded(DataSource catalog, String user, String password, IndexSnapshots index, Path blobs) {

	}

}
