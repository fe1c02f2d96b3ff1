package dev.leadtrail.activity;

import java.util.List;

/** One page of a longer list, with the length of the whole list. */
public record Page<T>(long total, List<T> items) {

  public Page {
    items = List.copyOf(items);
  }
}
