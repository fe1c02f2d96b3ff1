package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.FieldValueChecker;
import dev.leadtrail.error.Echo;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.file.FileService.PreparedFile;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

  /**
   * A URL a File field holds until its file is fetched; {@code target} names the field, or the
   * sub-field of a custom field set as {@code mx_Custom_4.mx_CustomObject_1}.
   */
  record PendingFetch(String target, String url) {}

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

  /**
   * Whether any value sent, a custom field set's sub-values included, may name a URL: only then is
   * the type looked at before deciding. Allocates nothing, as every write asks it.
   */
  static boolean mayNameUrls(List<FieldInput> inputs) {
    for (FieldInput input : inputs) {
      if (mentionsHttp(input.value()) || (input.fields() != null && mayNameUrls(input.fields()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsHttp(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i + 4 <= value.length(); i++) {
      if (value.regionMatches(true, i, "http", 0, 4)) {
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
        if (field == null) {
          continue;
        }
        for (Map.Entry<String, String> slot : fileSlots(field, input).entrySet()) {
          for (String part : parts(slot.getValue())) {
            if (FieldValueChecker.isFileUrl(part) && !byUrl.containsKey(part)) {
              byUrl.put(part, files.fetch(orgId, by, part, type.eventCode(), slot.getKey()));
            }
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
   * The File values an input gives, by target: the field's own, or those of a custom field set's
   * File sub-fields (as {@code mx_Custom_4.mx_CustomObject_1}).
   */
  private static Map<String, String> fileSlots(FieldDefinition field, FieldInput input) {
    Map<String, String> slots = new LinkedHashMap<>();
    if (field.dataType() == DataType.FILE && input.value() != null) {
      slots.put(field.schemaName(), input.value());
    } else if (field.dataType() == DataType.CUSTOM_OBJECT && input.fields() != null) {
      for (FieldInput subInput : input.fields()) {
        field
            .subField(subInput.schemaName())
            .filter(sub -> sub.dataType() == DataType.FILE && subInput.value() != null)
            .ifPresent(sub -> slots.put(CustomFieldSets.qualified(field, sub), subInput.value()));
      }
    }
    return slots;
  }

  /**
   * The checked values of a write, with each URL fetched ahead replaced by its stored name; every
   * stored name must be a file of the organisation (another organisation's is told as unknown).
   */
  Resolved resolve(
      OrgId orgId, ActivityType type, Map<String, String> checked, Fetched fetched, boolean async) {
    if (!type.hasFieldOf(DataType.FILE) && !type.hasFieldOf(DataType.CUSTOM_OBJECT)) {
      return new Resolved(checked, List.of(), List.of());
    }
    var resolution = new Resolution(fetched, async);
    Map<String, String> values = new LinkedHashMap<>(checked);
    for (FieldDefinition field : type.fields()) {
      String value = checked.get(field.schemaName());
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (field.dataType() == DataType.FILE) {
        values.put(field.schemaName(), resolution.resolve(field.schemaName(), value));
      } else if (field.dataType() == DataType.CUSTOM_OBJECT) {
        Map<String, String> subValues = new LinkedHashMap<>(CustomFieldSets.read(value));
        for (FieldDefinition sub : field.subFields()) {
          String subValue = subValues.get(sub.schemaName());
          if (sub.dataType() == DataType.FILE && subValue != null && !subValue.isEmpty()) {
            subValues.put(
                sub.schemaName(),
                resolution.resolve(CustomFieldSets.qualified(field, sub), subValue));
          }
        }
        values.put(field.schemaName(), CustomFieldSets.write(subValues));
      }
    }
    requireStored(orgId, resolution.namesByTarget);
    return new Resolved(
        values, List.copyOf(resolution.newFiles.values()), List.copyOf(resolution.fetches));
  }

  /** What resolving one write's File values found. Not thread-safe: one per write. */
  private static final class Resolution {

    private final Fetched fetched;
    private final boolean async;
    private final Map<String, PreparedFile> newFiles = new LinkedHashMap<>();
    private final List<PendingFetch> fetches = new ArrayList<>();
    private final Map<String, Set<String>> namesByTarget = new LinkedHashMap<>();

    Resolution(Fetched fetched, boolean async) {
      this.fetched = fetched;
      this.async = async;
    }

    /** One File value, each URL replaced by its fetched file's name or left for a fetch. */
    String resolve(String target, String value) {
      List<String> resolved = new ArrayList<>();
      for (String part : parts(value)) {
        if (!FieldValueChecker.isFileUrl(part)) {
          namesByTarget.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(part);
          resolved.add(part);
        } else if (fetched.byUrl().containsKey(part)) {
          PreparedFile file = fetched.byUrl().get(part);
          newFiles.put(file.name(), file);
          resolved.add(file.name());
        } else if (async) {
          fetches.add(new PendingFetch(target, part));
          resolved.add(part);
        } else {
          throw RuleViolationException.invalidInput(
              target, "The file at " + Echo.quoted(part) + " was not fetched.");
        }
      }
      return String.join(",", resolved);
    }
  }

  private void requireStored(OrgId orgId, Map<String, Set<String>> namesByTarget) {
    if (namesByTarget.isEmpty()) {
      return;
    }
    Set<String> all = new LinkedHashSet<>();
    namesByTarget.values().forEach(all::addAll);
    Set<String> present = files.present(orgId, all);
    namesByTarget.forEach(
        (schemaName, names) -> {
          for (String name : names) {
            if (!present.contains(name)) {
              throw RuleViolationException.invalidInput(
                  schemaName, "No file named " + Echo.quoted(name) + " is stored.");
            }
          }
        });
  }

  /**
   * Runs {@code write}, an activity write whose File fields were fetched ahead as {@code fetched}:
   * the files it does not store are forgotten (all of them when it fails), and {@code
   * fetchesQueued} runs when it queued fetches.
   */
  <R> R storing(
      Fetched fetched, Supplier<R> write, Function<R, Resolved> stored, Runnable fetchesQueued) {
    R result;
    try {
      result = write.get();
    } catch (RuntimeException e) {
      discardUnused(fetched, null);
      throw e;
    }
    Resolved resolved = stored.apply(result);
    discardUnused(fetched, resolved);
    if (!resolved.fetches().isEmpty()) {
      fetchesQueued.run();
    }
    return result;
  }

  /** Within the write that uses them: stores the files it fetched. */
  void insert(List<PreparedFile> newFiles) {
    newFiles.forEach(files::insert);
  }

  /** Forgets a fetched file that no write stored. */
  void discard(PreparedFile file) {
    files.discard(file);
  }

  /** Forgets the files fetched ahead that {@code stored} (null when no write happened) left out. */
  void discardUnused(Fetched fetched, Resolved stored) {
    for (PreparedFile file : fetched.byUrl().values()) {
      if (stored == null || !stored.newFiles().contains(file)) {
        discard(file);
      }
    }
  }

  /** The field a fetch's target names: the set, for a sub-field of a custom field set. */
  static String fieldOf(String target) {
    int dot = target.indexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }

  /**
   * The value of the field {@code target} names, with {@code url} replaced by the fetched file's
   * {@code name} (a custom field set stamped as changed by {@code byName} at {@code now}); empty
   * when the field no longer holds the URL.
   */
  static Optional<Map<String, String>> placed(
      Map<String, String> values,
      String target,
      String url,
      String name,
      String byName,
      Instant now) {
    String field = fieldOf(target);
    String current = values.getOrDefault(field, "");
    if (field.equals(target)) {
      return replaced(current, url, name).map(value -> Map.of(field, value));
    }
    Map<String, String> set = new LinkedHashMap<>(CustomFieldSets.read(current));
    String sub = target.substring(field.length() + 1);
    Optional<String> value = replaced(set.getOrDefault(sub, ""), url, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    set.put(sub, value.get());
    set.put(CustomFieldSets.MODIFIED_BY_NAME, byName);
    set.put(CustomFieldSets.MODIFIED_ON, ApiTime.format(now));
    return Optional.of(Map.of(field, CustomFieldSets.write(set)));
  }

  private static Optional<String> replaced(String value, String url, String name) {
    List<String> parts = parts(value);
    if (!parts.contains(url)) {
      return Optional.empty();
    }
    return Optional.of(
        parts.stream()
            .map(part -> part.equals(url) ? name : part)
            .collect(Collectors.joining(",")));
  }

  static List<String> parts(String value) {
    return FieldValueChecker.fileParts(value);
  }
}
