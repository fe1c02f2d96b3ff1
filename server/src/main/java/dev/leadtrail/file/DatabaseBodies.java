package dev.leadtrail.file;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Supplier;

/** Bytes in the files table: shared by every instance, committed with the row. */
final class DatabaseBodies implements FileBodies {

  @Override
  public byte[] keep(StoredFile file, byte[] content) {
    return content;
  }

  @Override
  public void discard(StoredFile file) {}

  @Override
  public InputStream open(StoredFile file, Supplier<byte[]> inRow) {
    return new ByteArrayInputStream(inRow.get());
  }
}
