package dev.leadtrail.file;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Where the bytes of files are kept ({@code files.store}): in the files table, or in a directory.
 * Thread-safe.
 */
interface FileBodies {

  /**
   * Keeps {@code content} before the file's row is written, outside any transaction; answers what
   * the row's {@code content} column holds (null when the bytes are kept elsewhere).
   */
  byte[] keep(StoredFile file, byte[] content);

  /** Undoes {@link #keep} when the row could not be written. */
  void discard(StoredFile file);

  /** The bytes of a stored file, {@code inRow} giving what its row's column holds. */
  InputStream open(StoredFile file, Supplier<byte[]> inRow);
}
