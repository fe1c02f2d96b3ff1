package dev.leadtrail.activitytype;

import dev.leadtrail.error.Echo;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.PlainDecimal;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field-value engine (contract section 7): checks a value against its field's data type and
 * gives the canonical string to store. Every call that writes activity fields goes through here. A
 * blank value means "no value" and is answered with {@code ""}; whether a field may be left without
 * one is the caller's rule. Violations name the field. Stateless and thread-safe.
 */
public final class FieldValueChecker {

  /** Finds an active user of the caller's organisation by GUID or email address. */
  @FunctionalInterface
  public interface ActiveUsers {
    Optional<UserId> find(String idOrEmail);
  }

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9](?:[0-9 -]*[0-9])?");
  private static final int PHONE_MAX_LENGTH = 30;
  private static final int URL_MAX_LENGTH = 2_000;
  private static final int FILE_NAME_MAX_LENGTH = 255;
  private static final int MAX_FILES_PER_VALUE = 10;
  private static final int DATE_TIME_MAX_LENGTH = 40;

  /** A dropdown value outside the options (allowed by ValidateDropDownOptions) is still bounded. */
  static final int CHOICE_MAX_LENGTH = DropdownOption.MAX_LENGTH;

  static final int DROPDOWN_MAX_LENGTH = 2_000;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /**
   * The canonical value of {@code raw} for {@code field}, or {@code ""} when it is blank.
   *
   * @param skipOptionCheck true when the caller sent {@code ValidateDropDownOptions: true}: a
   *     dropdown value outside the options is then kept as given; every other check still applies
   */
  public String check(
      FieldDefinition field, String raw, boolean skipOptionCheck, ActiveUsers users) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String value = raw.strip();
    return switch (field.dataType()) {
      case STRING, TEXT -> text(field, raw);
      case NUMBER -> number(field, value);
      case DATE -> date(field, value);
      case DATE_TIME -> dateTime(field, value);
      case BOOLEAN -> bool(field, value);
      case DROPDOWN, SEARCHABLE_DROPDOWN -> dropdown(field, value, skipOptionCheck);
      case EMAIL -> email(field, value);
      case PHONE -> phone(field, value);
      case URL -> url(field, value);
      case ACTIVE_USERS -> activeUser(field, value, users);
      case FILE -> files(field, value);
      case CUSTOM_OBJECT ->
          throw invalid(
              field, "A custom field set takes its values in Fields: [{SchemaName, Value}].");
    };
  }

  private static String text(FieldDefinition field, String raw) {
    int length = raw.codePointCount(0, raw.length());
    if (length > field.lengthLimit()) {
      throw invalid(
          field,
          "The value has "
              + length
              + " characters; at most "
              + field.lengthLimit()
              + " are allowed.");
    }
    return raw;
  }

  private static String number(FieldDefinition field, String value) {
    BigDecimal number =
        PlainDecimal.parse(value)
            .orElseThrow(
                () ->
                    invalid(
                        field,
                        Echo.quoted(value)
                            + " is not a plain decimal number with "
                            + PlainDecimal.LIMITS
                            + "."))
            .stripTrailingZeros();
    return number.signum() == 0 ? "0" : number.toPlainString();
  }

  private static String date(FieldDefinition field, String value) {
    try {
      if (value.length() <= DATE_TIME_MAX_LENGTH) {
        LocalDate date = LocalDate.parse(value, DATE);
        if (withinYears(date)) {
          return date.format(DATE);
        }
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw invalid(
        field,
        Echo.quoted(value) + " is not a date of the form yyyy-MM-dd in the years 1 to 9999.");
  }

  private static String dateTime(FieldDefinition field, String value) {
    String local = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
    for (DateTimeFormatter format : List.of(DATE_TIME, ISO_DATE_TIME)) {
      try {
        if (local.length() <= DATE_TIME_MAX_LENGTH) {
          LocalDateTime time = LocalDateTime.parse(local, format);
          if (withinYears(time.toLocalDate())) {
            return time.format(DATE_TIME);
          }
        }
      } catch (DateTimeParseException e) {
        // try the next accepted form
      }
    }
    throw invalid(
        field,
        Echo.quoted(value)
            + " is not a UTC date-time of the form yyyy-MM-dd HH:mm:ss in the years 1 to 9999.");
  }

  private static boolean withinYears(LocalDate date) {
    return date.getYear() >= 1 && date.getYear() <= 9999;
  }

  private static String bool(FieldDefinition field, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> "1";
      case "false", "0", "no" -> "0";
      default -> throw invalid(field, Echo.quoted(value) + " is not true, false, 1, 0, yes or no.");
    };
  }

  private static String dropdown(FieldDefinition field, String value, boolean skipOptionCheck) {
    if (value.length() > DROPDOWN_MAX_LENGTH) {
      throw invalid(
          field,
          "The value has "
              + value.length()
              + " characters; at most "
              + DROPDOWN_MAX_LENGTH
              + " are allowed.");
    }
    List<String> chosen = new ArrayList<>();
    if (field.multiSelect()) {
      for (String part : value.split(";")) {
        if (!part.isBlank()) {
          chosen.add(part.strip());
        }
      }
    } else {
      chosen.add(value);
    }
    Set<String> canonical = new LinkedHashSet<>();
    for (String choice : chosen) {
      Optional<String> option =
          field.options().stream()
              .map(DropdownOption::value)
              .filter(v -> v.equalsIgnoreCase(choice))
              .findFirst();
      if (option.isEmpty() && !skipOptionCheck) {
        throw invalid(field, Echo.quoted(choice) + " is not one of the field's options.");
      }
      if (option.isEmpty() && choice.length() > CHOICE_MAX_LENGTH) {
        throw invalid(
            field, "A value outside the options has at most " + CHOICE_MAX_LENGTH + " characters.");
      }
      canonical.add(option.orElse(choice));
    }
    return String.join(";", canonical);
  }

  private static String email(FieldDefinition field, String value) {
    return EmailAddress.parse(value)
        .map(EmailAddress::value)
        .orElseThrow(() -> invalid(field, Echo.quoted(value) + " is not an email address."));
  }

  private static String phone(FieldDefinition field, String value) {
    if (value.length() > PHONE_MAX_LENGTH || !PHONE.matcher(value).matches()) {
      throw invalid(field, "A phone number has digits, with an optional leading +, spaces and -.");
    }
    return value;
  }

  private static String url(FieldDefinition field, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && value.length() <= URL_MAX_LENGTH) {
        return value;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    throw invalid(field, "The value is not an http or https URL.");
  }

  private static String activeUser(FieldDefinition field, String value, ActiveUsers users) {
    return users
        .find(value)
        .map(UserId::value)
        .orElseThrow(
            () ->
                invalid(
                    field, "No active user of the organisation is " + Echo.quoted(value) + "."));
  }

  /**
   * Stored file names or http(s) URLs to fetch, several separated by {@code ,}: each is checked for
   * its shape here; whether a name is stored, or a URL can be fetched, is the caller's to find out.
   */
  private static String files(FieldDefinition field, String value) {
    List<String> parts = fileParts(value);
    for (String part : parts) {
      if (isFileUrl(part)) {
        url(field, part);
      } else if (!isPlainFileName(part)) {
        throw invalid(
            field, Echo.quoted(part) + " is neither the name of a stored file nor an http(s) URL.");
      }
    }
    if (parts.size() > MAX_FILES_PER_VALUE) {
      throw invalid(field, "A File field holds at most " + MAX_FILES_PER_VALUE + " files.");
    }
    return String.join(",", parts);
  }

  /** The parts of a File value: the names and URLs between its commas, blank ones left out. */
  public static List<String> fileParts(String value) {
    List<String> parts = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String part = raw.strip();
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** Whether one part of a File value names a URL to fetch rather than a stored file. */
  public static boolean isFileUrl(String part) {
    String lower = part.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static boolean isPlainFileName(String part) {
    return part.length() <= FILE_NAME_MAX_LENGTH
        && part.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))
        && part.chars().anyMatch(c -> c != '.');
  }

  private static RuleViolationException invalid(FieldDefinition field, String detail) {
    return RuleViolationException.invalidInput(field.schemaName(), detail);
  }
}
