package dev.leadtrail.file;

import java.util.Arrays;
import java.util.Optional;

/** LeadSquared's {@code FileType} of an upload. */
public enum FileKind {
  DOCUMENT(0),
  IMAGE(1),
  LEAD_ATTACHMENT(3),
  CUSTOM_FIELD_SET_DOCUMENT(7);

  private final int code;

  FileKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static Optional<FileKind> ofCode(int code) {
    return Arrays.stream(values()).filter(kind -> kind.code == code).findFirst();
  }
}
