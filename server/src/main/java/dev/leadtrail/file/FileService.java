package dev.leadtrail.file;

import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.Echo;
import dev.leadtrail.error.FileNotFoundException;
import dev.leadtrail.error.PayloadTooLargeException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.outbound.Fetched;
import dev.leadtrail.outbound.OutboundClient;
import dev.leadtrail.outbound.OutboundFailure;
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
import java.util.List;
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

  /**
   * A file fetched and named but not stored yet: {@link #insert} stores it within the write that
   * uses it, {@link #discard} forgets it when that write does not happen.
   */
  public record PreparedFile(StoredFile file, byte[] inRow) {

    public String name() {
      return file.name();
    }
  }

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
  private static final String BINARY = "application/octet-stream";

  private final Database database;
  private final FileRepository files;
  private final FileBodies bodies;
  private final ActivityTypeService types;
  private final OutboundClient outbound;
  private final Clock clock;
  private final int maxBytes;
  private final Duration temporaryFor;

  private FileService(
      Database database,
      FileBodies bodies,
      ActivityTypeService types,
      OutboundClient outbound,
      Clock clock,
      LeadtrailConfig.Files config) {
    this.database = database;
    this.outbound = outbound;
    this.files = new FileRepository(database);
    this.bodies = bodies;
    this.types = types;
    this.clock = clock;
    this.maxBytes = config.maxBytes();
    this.temporaryFor = config.temporaryFor();
  }

  public static FileService create(
      Database database,
      ActivityTypeService types,
      OutboundClient outbound,
      Clock clock,
      LeadtrailConfig.Files config) {
    FileBodies bodies =
        switch (config.store()) {
          case DATABASE -> new DatabaseBodies();
          case DIRECTORY -> new DirectoryBodies(config.directory());
        };
    return new FileService(database, bodies, types, outbound, clock, config);
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

  /**
   * Fetches {@code url} through the outbound guard for a File field ({@code schemaName} of the type
   * {@code eventCode}) and prepares it; a fetch that fails is the client's invalid input, naming
   * the field and why.
   */
  public PreparedFile fetch(OrgId orgId, UserId by, String url, int eventCode, String schemaName) {
    try {
      return fetchOrFail(orgId, by, url, eventCode, schemaName);
    } catch (OutboundFailure e) {
      throw RuleViolationException.invalidInput(
          schemaName,
          "The file at " + Echo.quoted(url) + " could not be fetched: " + e.getMessage() + ".");
    }
  }

  /**
   * As {@link #fetch}, for a fetch that may be tried again: the failure is handed back as it is.
   */
  public PreparedFile fetchOrFail(
      OrgId orgId, UserId by, String url, int eventCode, String schemaName) throws OutboundFailure {
    return fetchedFile(orgId, by, url, eventCode, schemaName, outbound.get(url, maxBytes));
  }

  private PreparedFile fetchedFile(
      OrgId orgId, UserId by, String url, int eventCode, String schemaName, Fetched fetched) {
    if (fetched.content().length == 0) {
      throw RuleViolationException.invalidInput(
          schemaName, "The file at " + Echo.quoted(url) + " is empty.");
    }
    var upload =
        new FileUpload(
            FileNames.cleanedClientName(fetched.suggestedName()),
            fetched.contentType(),
            fetched.content(),
            FileKind.DOCUMENT,
            FileEntity.ACTIVITY,
            eventCode,
            schemaName,
            false);
    return prepare(orgId, by, upload);
  }

  /** Stores a prepared file within the current write. */
  public void insert(PreparedFile prepared) {
    files.insert(prepared.file(), prepared.inRow());
  }

  /** Forgets a prepared file that no write stored. */
  public void discard(PreparedFile prepared) {
    bodies.discard(prepared.file());
  }

  private StoredFile store(OrgId orgId, UserId by, FileUpload upload) {
    PreparedFile prepared = prepare(orgId, by, upload);
    try {
      database.write(
          () -> {
            insert(prepared);
            return prepared;
          });
    } catch (RuntimeException e) {
      discard(prepared);
      throw e;
    }
    return prepared.file();
  }

  private PreparedFile prepare(OrgId orgId, UserId by, FileUpload upload) {
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
    return new PreparedFile(file, bodies.keep(file, upload.content()));
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

  /**
   * Within the current write: the file is kept for good, as a file something refers to must be (an
   * attachment).
   */
  public void makePermanent(OrgId orgId, String name) {
    files.makePermanent(orgId, name);
  }

  /**
   * Deletes temporary files whose time is up, at most {@code limit} of them, their bytes first;
   * answers how many.
   */
  public int deleteExpired(int limit) {
    Instant now = clock.instant();
    List<StoredFile> expired = database.read(() -> files.expired(now, limit));
    for (StoredFile file : expired) {
      database.write(
          () -> {
            files.deleteExpired(file, now);
            return file;
          });
      bodies.discard(file);
    }
    return expired.size();
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
