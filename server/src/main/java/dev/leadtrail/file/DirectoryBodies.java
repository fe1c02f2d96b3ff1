package dev.leadtrail.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Bytes in a directory, one folder per organisation, each file under its stored name (which
 * Leadtrail made, so no client's text is ever part of a path). A file is written whole and synced
 * before its row is committed, so a committed row always has its bytes.
 */
final class DirectoryBodies implements FileBodies {

  private final Path root;

  DirectoryBodies(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public byte[] keep(StoredFile file, byte[] content) {
    Path target = pathOf(file);
    try {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (FileChannel channel =
          FileChannel.open(
              partial,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.SYNC)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("a file could not be written to files.directory", e);
    }
  }

  @Override
  public void discard(StoredFile file) {
    try {
      Files.deleteIfExists(pathOf(file));
    } catch (IOException e) {
      // Left behind, it is never served: no row names it.
    }
  }

  @Override
  public InputStream open(StoredFile file, Supplier<byte[]> inRow) {
    try {
      return Files.newInputStream(pathOf(file));
    } catch (IOException e) {
      throw new UncheckedIOException("a stored file is missing from files.directory", e);
    }
  }

  private Path pathOf(StoredFile file) {
    if (!FileNames.isStoredName(file.name())) {
      throw new IllegalArgumentException("not a stored name");
    }
    return root.resolve(file.orgId().value()).resolve(file.name());
  }
}
