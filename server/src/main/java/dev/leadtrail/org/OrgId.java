package dev.leadtrail.org;

import dev.leadtrail.value.Guid;

/** An organisation (tenant). Every stored row carries one, and every query is scoped by it. */
public record OrgId(String value) {

  public OrgId {
    value = Guid.canonical(value);
  }

  public static OrgId random() {
    return new OrgId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
