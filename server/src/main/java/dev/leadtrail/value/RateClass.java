package dev.leadtrail.value;

/** Which budget a call draws on: bulk calls have a budget of their own (contract section 4). */
public enum RateClass {
  STANDARD,
  BULK
}
