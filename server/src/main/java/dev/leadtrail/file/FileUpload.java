package dev.leadtrail.file;

import dev.leadtrail.error.Echo;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.MultipartForm;
import java.util.List;
import java.util.Optional;

/**
 * An upload as sent to {@code File/Upload}: the one file (part {@code uploadFiles}) and what the
 * form says of it. A form with no such part, or with more than one file, is refused: LeadSquared's
 * clients send one file per call and read back one {@code uploadedFile}.
 */
record FileUpload(
    String clientName,
    String contentType,
    byte[] content,
    FileKind kind,
    FileEntity entity,
    Integer eventCode,
    String schemaName,
    boolean temporary) {

  static final String FILE_PART = "uploadFiles";

  static FileUpload from(MultipartForm form) {
    List<MultipartForm.FilePart> files = form.files();
    if (files.isEmpty()) {
      throw RuleViolationException.invalidInput(
          FILE_PART, "The form has no file; send it in the part " + FILE_PART + ".");
    }
    if (files.size() > 1) {
      throw RuleViolationException.invalidInput(
          FILE_PART, "The form has " + files.size() + " files; send one file per call.");
    }
    MultipartForm.FilePart file = files.getFirst();
    if (!file.partName().equalsIgnoreCase(FILE_PART)) {
      throw RuleViolationException.invalidInput(
          FILE_PART, "The file must be sent in the part " + FILE_PART + ".");
    }
    if (file.content().length == 0) {
      throw RuleViolationException.invalidInput(FILE_PART, "The file is empty.");
    }
    FileKind kind =
        code(form, "FileType")
            .map(
                code ->
                    FileKind.ofCode(code)
                        .orElseThrow(
                            () ->
                                RuleViolationException.invalidInput(
                                    "FileType", "Expected 0, 1, 3 or 7, not " + code + ".")))
            .orElse(FileKind.DOCUMENT);
    FileEntity entity =
        code(form, "Entity")
            .map(
                code ->
                    FileEntity.ofCode(code)
                        .orElseThrow(
                            () ->
                                RuleViolationException.invalidInput(
                                    "Entity",
                                    "Expected 0 (lead) or 1 (activity), not " + code + ".")))
            .orElse(FileEntity.LEAD);
    int storage = code(form, "FileStorageType").orElse(0);
    if (storage != 0 && storage != 1) {
      throw RuleViolationException.invalidInput(
          "FileStorageType", "Expected 0 (permanent) or 1 (temporary), not " + storage + ".");
    }
    return new FileUpload(
        FileNames.checkedClientName(FILE_PART, file.fileName()),
        file.contentType(),
        file.content(),
        kind,
        entity,
        entity == FileEntity.ACTIVITY ? code(form, "Id").orElse(null) : null,
        form.field("SchemaName").map(String::strip).orElse(""),
        storage == 1);
  }

  /** A whole-number form field; absent or blank is empty. */
  private static Optional<Integer> code(MultipartForm form, String name) {
    return form.field(name)
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .map(
            text -> {
              try {
                return Integer.parseInt(text);
              } catch (NumberFormatException e) {
                throw RuleViolationException.invalidInput(
                    name, "Expected a whole number, not " + Echo.quoted(text) + ".");
              }
            });
  }
}
