package dev.leadtrail.storage;

import org.jdbi.v3.core.Handle;

/** Runs a test's statements on the connection of a read or a write of the store. */
final class Handles {

  interface Work<T> {
    T run(Handle handle) throws Exception;
  }

  private Handles() {}

  static <T> T write(Database database, Work<T> work) {
    return database.write(() -> run(work, database.writeHandle()));
  }

  static <T> T read(Database database, Work<T> work) {
    return database.read(() -> run(work, database.handle()));
  }

  private static <T> T run(Work<T> work, Handle handle) {
    try {
      return work.run(handle);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
