package dev.leadtrail.file;

import java.util.Arrays;
import java.util.Optional;

/** LeadSquared's {@code Entity} of an upload: what the file is for. */
public enum FileEntity {
  LEAD(0),
  ACTIVITY(1);

  private final int code;

  FileEntity(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static Optional<FileEntity> ofCode(int code) {
    return Arrays.stream(values()).filter(entity -> entity.code == code).findFirst();
  }
}
