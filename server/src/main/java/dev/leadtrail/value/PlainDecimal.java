package dev.leadtrail.value;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decimal numbers as clients send them, bounded before they are parsed: parsing a number of a
 * million digits costs seconds of CPU, so a text longer than {@link #MAX_TEXT_LENGTH} is refused
 * unread, and a value is kept only with at most {@link #MAX_INTEGER_DIGITS} digits before the point
 * and {@link #MAX_FRACTION_DIGITS} after it (trailing zeros of the fraction not counted).
 */
public final class PlainDecimal {

  public static final int MAX_INTEGER_DIGITS = 38;
  public static final int MAX_FRACTION_DIGITS = 38;

  /** Room for every digit allowed, a sign, a point, and some leading zeros. */
  public static final int MAX_TEXT_LENGTH = 100;

  /** How the limits read in an error message. */
  public static final String LIMITS =
      "at most "
          + MAX_INTEGER_DIGITS
          + " digits before the point and "
          + MAX_FRACTION_DIGITS
          + " after it";

  private static final Pattern SHAPE = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

  private PlainDecimal() {}

  /** The number a plain decimal text ({@code "-3.5"}, no exponent) gives, if within the limits. */
  public static Optional<BigDecimal> parse(String text) {
    if (text.length() > MAX_TEXT_LENGTH || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(text);
    return withinLimits(number) ? Optional.of(number) : Optional.empty();
  }

  /** Whether a number, however it was read, is within the digit limits. */
  public static boolean withinLimits(BigDecimal number) {
    if (number.signum() == 0) {
      return true;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    long fractionDigits = stripped.scale();
    long integerDigits = stripped.precision() - fractionDigits;
    return fractionDigits <= MAX_FRACTION_DIGITS && integerDigits <= MAX_INTEGER_DIGITS;
  }
}
