package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.FieldValueChecker;
import dev.leadtrail.error.Echo;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.file.FileService.PreparedFile;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The File fields of an activity write (contract section 8). A File value holds stored names, which
 * must be files of the organisation, and http(s) URLs: without {@code ProcessFilesAsync} each URL
 * is fetched before the write is decided (never inside a transaction) and stored with it; with it,
 * each URL stays in the value and becomes a fetch committed with the write. Thread-safe.
 */
final class FileFields {

  /** Files fetched ahead of a write, by URL. */
  record Fetched(Map<String, PreparedFile> byUrl) {

    static final Fetched NONE = new Fetched(Map.of());
  }

  /** A URL a File field holds until its file is fetched. */
  record PendingFetch(String schemaName, String url) {}

  /** Checked values with fetched URLs replaced by stored names; the files and fetches to store. */
  record Resolved(
      Map<String, String> values, List<PreparedFile> newFiles, List<PendingFetch> fetches) {

    boolean storesFiles() {
      return !newFiles.isEmpty() || !fetches.isEmpty();
    }
  }

  private final FileService files;

  FileFields(FileService files) {
    this.files = files;
  }

  /** Whether any value sent may name a URL: only then is the type looked at before deciding. */
  static boolean mayNameUrls(List<FieldInput> inputs) {
    for (FieldInput input : inputs) {
      String value = input.value();
      if (value != null && value.toLowerCase(Locale.ROOT).contains("http")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fetches every URL that the File fields of {@code inputs} name, unless the write processes files
   * asynchronously. A failed fetch fails the write: what was fetched before it is forgotten.
   */
  Fetched fetchAhead(
      OrgId orgId, UserId by, ActivityType type, List<FieldInput> inputs, boolean async) {
    if (async) {
      return Fetched.NONE;
    }
    Map<String, PreparedFile> byUrl = new LinkedHashMap<>();
    try {
      for (FieldInput input : inputs) {
        FieldDefinition field = type.field(input.schemaName()).orElse(null);
        if (field == null || field.dataType() != DataType.FILE || input.value() == null) {
          continue;
        }
        for (String part : parts(input.value())) {
          if (FieldValueChecker.isFileUrl(part) && !byUrl.containsKey(part)) {
            byUrl.put(part, files.fetch(orgId, by, part, type.eventCode(), field.schemaName()));
          }
        }
      }
    } catch (RuntimeException e) {
      byUrl.values().forEach(files::discard);
      throw e;
    }
    return new Fetched(byUrl);
  }

  /**
   * The checked values of a write, with each URL fetched ahead replaced by its stored name; every
   * stored name must be a file of the organisation (another organisation's is told as unknown).
   */
  Resolved resolve(
      OrgId orgId, ActivityType type, Map<String, String> checked, Fetched fetched, boolean async) {
    Map<String, String> values = new LinkedHashMap<>(checked);
    Map<String, PreparedFile> newFiles = new LinkedHashMap<>();
    List<PendingFetch> fetches = new ArrayList<>();
    Map<String, Set<String>> namesByField = new LinkedHashMap<>();
    for (FieldDefinition field : type.fields()) {
      String value = checked.get(field.schemaName());
      if (field.dataType() != DataType.FILE || value == null || value.isEmpty()) {
        continue;
      }
      List<String> resolved = new ArrayList<>();
      for (String part : parts(value)) {
        if (!FieldValueChecker.isFileUrl(part)) {
          namesByField.computeIfAbsent(field.schemaName(), k -> new LinkedHashSet<>()).add(part);
          resolved.add(part);
        } else if (fetched.byUrl().containsKey(part)) {
          PreparedFile file = fetched.byUrl().get(part);
          newFiles.put(file.name(), file);
          resolved.add(file.name());
        } else if (async) {
          fetches.add(new PendingFetch(field.schemaName(), part));
          resolved.add(part);
        } else {
          throw RuleViolationException.invalidInput(
              field.schemaName(), "The file at " + Echo.quoted(part) + " was not fetched.");
        }
      }
      values.put(field.schemaName(), String.join(",", resolved));
    }
    requireStored(orgId, namesByField);
    return new Resolved(values, List.copyOf(newFiles.values()), List.copyOf(fetches));
  }

  private void requireStored(OrgId orgId, Map<String, Set<String>> namesByField) {
    if (namesByField.isEmpty()) {
      return;
    }
    Set<String> all = new LinkedHashSet<>();
    namesByField.values().forEach(all::addAll);
    Set<String> present = files.present(orgId, all);
    namesByField.forEach(
        (schemaName, names) -> {
          for (String name : names) {
            if (!present.contains(name)) {
              throw RuleViolationException.invalidInput(
                  schemaName, "No file named " + Echo.quoted(name) + " is stored.");
            }
          }
        });
  }

  /** Within the write that uses them: stores the files it fetched. */
  void insert(List<PreparedFile> newFiles) {
    newFiles.forEach(files::insert);
  }

  /** Forgets the files fetched ahead that {@code stored} (null when no write happened) left out. */
  void discardUnused(Fetched fetched, Resolved stored) {
    for (PreparedFile file : fetched.byUrl().values()) {
      if (stored == null || !stored.newFiles().contains(file)) {
        files.discard(file);
      }
    }
  }

  static List<String> parts(String value) {
    List<String> parts = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String part = raw.strip();
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
