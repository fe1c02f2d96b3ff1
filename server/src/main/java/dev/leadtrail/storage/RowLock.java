package dev.leadtrail.storage;

/**
 * Whether the rows a query reads stay locked until the transaction ends, for a read-modify-write.
 */
public enum RowLock {
  NONE,
  FOR_UPDATE
}
