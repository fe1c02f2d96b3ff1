package dev.leadtrail.value;

/**
 * The slice of a list a read call asks for: rows to skip and rows to give. The skip is counted in a
 * long, so that the last page index there could be ({@code 2147483647}) times the largest page asks
 * for an empty page rather than overflowing into an earlier one.
 */
public record PageRequest(long offset, int size) {

  public PageRequest {
    if (offset < 0 || size < 1) {
      throw new IllegalArgumentException("a page starts at 0 or later and holds a row or more");
    }
  }

  /**
   * The page that starts {@code offset} rows in (LeadSquared's {@code Offset} and {@code
   * RowCount}).
   */
  public static PageRequest atOffset(int offset, int size) {
    return new PageRequest(offset, size);
  }

  /**
   * The {@code index}-th page, counted from 1 (LeadSquared's {@code PageIndex} and {@code
   * PageSize}).
   */
  public static PageRequest atIndex(int index, int size) {
    return new PageRequest((long) (index - 1) * size, size);
  }
}
