package dev.leadtrail.user;

import dev.leadtrail.value.Guid;

/** A user of one organisation. */
public record UserId(String value) {

  public UserId {
    value = Guid.canonical(value);
  }

  public static UserId random() {
    return new UserId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
