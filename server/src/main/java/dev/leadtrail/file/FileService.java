package dev.leadtrail.file;

import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.FileNotFoundException;
import dev.leadtrail.error.PayloadTooLargeException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.UserId;
import java.io.InputStream;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of organisations (contract section 8): uploads, downloads, and the files that File
 * fields name. Thread-safe.
 */
public final class FileService {

  /** A file to be served: what is known of it, and its bytes, which the caller closes. */
  public record Download(StoredFile file, InputStream content) {}

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
  private static final String BINARY = "application/octet-stream";

  private final Database database;
  private final FileRepository files;
  private final FileBodies bodies;
  private final ActivityTypeService types;
  private final Clock clock;
  private final int maxBytes;
  private final Duration temporaryFor;

  private FileService(
      Database database,
      FileBodies bodies,
      ActivityTypeService types,
      Clock clock,
      LeadtrailConfig.Files config) {
    this.database = database;
    this.files = new FileRepository(database);
    this.bodies = bodies;
    this.types = types;
    this.clock = clock;
    this.maxBytes = config.maxBytes();
    this.temporaryFor = config.temporaryFor();
  }

  public static FileService create(
      Database database, ActivityTypeService types, Clock clock, LeadtrailConfig.Files config) {
    FileBodies bodies =
        switch (config.store()) {
          case DATABASE -> new DatabaseBodies();
          case DIRECTORY -> new DirectoryBodies(config.directory());
        };
    return new FileService(database, bodies, types, clock, config);
  }

  /** The largest file taken, uploaded or fetched. */
  public int maxBytes() {
    return maxBytes;
  }

  StoredFile upload(Caller caller, FileUpload upload) {
    if (upload.content().length > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    if (upload.eventCode() != null) {
      requireEventCode(caller.orgId(), upload.eventCode());
    }
    return store(caller.orgId(), caller.userId(), upload);
  }

  private void requireEventCode(OrgId orgId, int eventCode) {
    try {
      database.read(() -> types.byEventCode(orgId, eventCode));
    } catch (RuleViolationException e) {
      throw RuleViolationException.invalidInput(
          "Id", "No activity type of the organisation has the event code " + eventCode + ".");
    }
  }

  private StoredFile store(OrgId orgId, UserId by, FileUpload upload) {
    Instant now = clock.instant();
    var file =
        new StoredFile(
            orgId,
            FileNames.generate(upload.clientName()),
            upload.clientName(),
            contentType(upload.contentType(), upload.clientName()),
            upload.content().length,
            sha256(upload.content()),
            upload.kind(),
            upload.entity(),
            upload.eventCode(),
            upload.schemaName(),
            upload.temporary() ? now.plus(temporaryFor) : null,
            now,
            by);
    byte[] inRow = bodies.keep(file, upload.content());
    try {
      database.write(
          () -> {
            files.insert(file, inRow);
            return file;
          });
    } catch (RuntimeException e) {
      bodies.discard(file);
      throw e;
    }
    return file;
  }

  /** A stored file of the organisation; another organisation's is told as a missing one. */
  public Download download(OrgId orgId, String name) {
    Instant now = clock.instant();
    StoredFile file =
        database
            .read(() -> files.find(orgId, name, now))
            .orElseThrow(() -> new FileNotFoundException(name));
    InputStream content =
        bodies.open(
            file,
            () ->
                database
                    .read(() -> files.content(orgId, name, now))
                    .orElseThrow(() -> new FileNotFoundException(name)));
    return new Download(file, content);
  }

  /** Which of {@code names} are files of the organisation. */
  public Set<String> present(OrgId orgId, Collection<String> names) {
    Instant now = clock.instant();
    return database.read(() -> files.present(orgId, names, now));
  }

  /** The URL a stored file is downloaded from, on the server at {@code baseUrl}. */
  public static String downloadUrl(String baseUrl, String name) {
    return baseUrl + "/File/Download?name=" + name;
  }

  /** The media type sent, when it is one; else guessed from the name; else plain bytes. */
  private static String contentType(String sent, String clientName) {
    String type = sent == null ? "" : sent.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (MEDIA_TYPE.matcher(type).matches()) {
      return type;
    }
    String guessed = URLConnection.guessContentTypeFromName(clientName);
    return guessed == null ? BINARY : guessed;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
