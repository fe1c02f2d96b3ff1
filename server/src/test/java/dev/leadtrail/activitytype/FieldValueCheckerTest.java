package dev.leadtrail.activitytype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.user.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValueCheckerTest {

  private static final UserId ADA = new UserId("c7b539c1-3f7f-11e6-bec9-22000aa5088d");
  private static final FieldValueChecker.ActiveUsers USERS =
      idOrEmail ->
          idOrEmail.equalsIgnoreCase(ADA.value()) || idOrEmail.equalsIgnoreCase("ada@example.com")
              ? Optional.of(ADA)
              : Optional.empty();

  private final FieldValueChecker checker = new FieldValueChecker();

  private static FieldDefinition field(DataType type) {
    return field(type, null, List.of(), false);
  }

  private static FieldDefinition field(
      DataType type, Integer maxLength, List<String> options, boolean multiSelect) {
    var optionList =
        options.stream().map(v -> new DropdownOption(v, v, false, options.indexOf(v))).toList();
    return new FieldDefinition(
        "mx_Custom_7",
        "Field",
        type,
        false,
        true,
        1,
        optionList,
        multiSelect,
        maxLength,
        List.of());
  }

  private String check(FieldDefinition field, String raw) {
    return checker.check(field, raw, false, USERS);
  }

  private void assertRefused(FieldDefinition field, String raw) {
    assertThatThrownBy(() -> check(field, raw))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorType.INVALID_INPUT);
              assertThat(e.getMessage()).startsWith("Invalid Input! Parameter Name: mx_Custom_7. ");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t "})
  void aBlankValue_meansNoValueForEveryType(String blank) {
    for (DataType type : DataType.values()) {
      assertThat(check(field(type), blank)).as(type.wireName()).isEmpty();
    }
    assertThat(check(field(DataType.NUMBER), null)).isEmpty();
  }

  @Nested
  class Strings {
    @Test
    void keepTheValueAsGivenWithItsSpaces() {
      assertThat(check(field(DataType.STRING), "  abcd ")).isEqualTo("  abcd ");
    }

    @Test
    void allowExactlyTheMaximumLengthCountedInCharactersNotBytes() {
      var field = field(DataType.STRING, 5, List.of(), false);
      assertThat(check(field, "héllo")).isEqualTo("héllo");
      assertThat(check(field, "😀😀😀😀😀")).isEqualTo("😀😀😀😀😀");
      assertRefused(field, "héllo!");
    }

    @Test
    void defaultTo200Characters() {
      assertThat(check(field(DataType.STRING), "x".repeat(200))).hasSize(200);
      assertRefused(field(DataType.STRING), "x".repeat(201));
    }

    @Test
    void longTextAllows64000Characters() {
      assertThat(check(field(DataType.TEXT), "y".repeat(64_000))).hasSize(64_000);
      assertRefused(field(DataType.TEXT), "y".repeat(64_001));
    }
  }

  @Nested
  class Numbers {
    @ParameterizedTest
    @CsvSource({
      "12,12",
      "-3.5,-3.5",
      "' 42 ',42",
      "42.500,42.5",
      "+7,7",
      "0.0,0",
      "-0,0",
      ".5,0.5",
      "100,100",
      "12345678901234567890.25,12345678901234567890.25"
    })
    void areStoredPlainWithoutTrailingZeros(String raw, String stored) {
      assertThat(check(field(DataType.NUMBER), raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"1e3", "abc", "1,5", "1.2.3", "--1", "0x10", "NaN", "Infinity", "1 000"})
    void refuseAnythingButAPlainDecimal(String raw) {
      assertRefused(field(DataType.NUMBER), raw);
    }
  }

  @Nested
  class Dates {
    @Test
    void acceptRealCalendarDays() {
      assertThat(check(field(DataType.DATE), "2024-02-29")).isEqualTo("2024-02-29");
      assertThat(check(field(DataType.DATE), " 2024-12-31 ")).isEqualTo("2024-12-31");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2024-02-30",
          "2023-02-29",
          "2024-13-01",
          "24-01-01",
          "2024/01/01",
          "2024-1-1",
          "2024-01-01 10:00:00"
        })
    void refuseImpossibleOrOtherlyShapedDates(String raw) {
      assertRefused(field(DataType.DATE), raw);
    }
  }

  @Nested
  class DateTimes {
    @ParameterizedTest
    @CsvSource({
      "2024-03-04 05:06:07,2024-03-04 05:06:07",
      "2024-03-04T05:06:07,2024-03-04 05:06:07",
      "2024-03-04T05:06:07Z,2024-03-04 05:06:07",
      "2024-02-29 23:59:59,2024-02-29 23:59:59"
    })
    void areStoredInTheApisForm(String raw, String stored) {
      assertThat(check(field(DataType.DATE_TIME), raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2024-03-04 24:00:00",
          "2024-03-04 12:60:00",
          "2024-02-30 10:00:00",
          "2024-03-04",
          "2024-03-04 05:06",
          "2024-03-04T05:06:07+02:00"
        })
    void refuseImpossibleTimesAndOtherForms(String raw) {
      assertRefused(field(DataType.DATE_TIME), raw);
    }
  }

  @Nested
  class Booleans {
    @ParameterizedTest
    @CsvSource({"true,1", "TRUE,1", "1,1", "Yes,1", "false,0", "0,0", "no,0", "' False ',0"})
    void areStoredAsOneOrZero(String raw, String stored) {
      assertThat(check(field(DataType.BOOLEAN), raw)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "2", "on", "truthy"})
    void refuseOtherWords(String raw) {
      assertRefused(field(DataType.BOOLEAN), raw);
    }
  }

  @Nested
  class Dropdowns {
    private final FieldDefinition single =
        field(DataType.DROPDOWN, null, List.of("Hot", "Cold", "Ünïcode"), false);
    private final FieldDefinition multi =
        field(DataType.SEARCHABLE_DROPDOWN, null, List.of("Red", "Green", "Blue"), true);

    @Test
    void matchIgnoringCaseAndStoreTheOptionsSpelling() {
      assertThat(check(single, " hOT ")).isEqualTo("Hot");
      assertThat(check(single, "üNÏCODE")).isEqualTo("Ünïcode");
    }

    @Test
    void refuseAValueOutsideTheOptions() {
      assertRefused(single, "Warm");
      assertRefused(single, "Hot;Cold");
    }

    @Test
    void multiSelectTakesSeveralSeparatedBySemicolons() {
      assertThat(check(multi, "green; RED;;green")).isEqualTo("Green;Red");
      assertRefused(multi, "Green;Purple");
    }

    @Test
    void skippingTheOptionCheck_keepsAValueOutsideTheOptionsAsGiven() {
      assertThat(checker.check(single, " Warm ", true, USERS)).isEqualTo("Warm");
      assertThat(checker.check(single, "hot", true, USERS)).isEqualTo("Hot");
      assertThat(checker.check(multi, "red;Purple", true, USERS)).isEqualTo("Red;Purple");
    }
  }

  @Nested
  class Others {
    @Test
    void emailsGetTheirDomainLowerCased() {
      assertThat(check(field(DataType.EMAIL), " Ada.L@Example.COM "))
          .isEqualTo("Ada.L@example.com");
      assertRefused(field(DataType.EMAIL), "ada@");
      assertRefused(field(DataType.EMAIL), "ada example.com");
    }

    @Test
    void phonesTakeDigitsPlusSpacesAndDashes() {
      assertThat(check(field(DataType.PHONE), "+91-98765 43210")).isEqualTo("+91-98765 43210");
      assertRefused(field(DataType.PHONE), "call me");
      assertRefused(field(DataType.PHONE), "12+34");
      assertRefused(field(DataType.PHONE), "1".repeat(31));
    }

    @Test
    void urlsMustBeHttpOrHttpsWithAHost() {
      assertThat(check(field(DataType.URL), "https://example.com/a?b=c"))
          .isEqualTo("https://example.com/a?b=c");
      assertRefused(field(DataType.URL), "ftp://example.com/");
      assertRefused(field(DataType.URL), "example.com");
      assertRefused(field(DataType.URL), "http://");
    }

    @Test
    void activeUsersAreNamedByIdOrEmailAndStoredById() {
      assertThat(check(field(DataType.ACTIVE_USERS), ADA.value().toUpperCase()))
          .isEqualTo(ADA.value());
      assertThat(check(field(DataType.ACTIVE_USERS), "ada@example.com")).isEqualTo(ADA.value());
      assertRefused(field(DataType.ACTIVE_USERS), "bob@example.com");
    }

    @Test
    void filesAreStoredFileNames() {
      assertThat(check(field(DataType.FILE), "report-2024.pdf")).isEqualTo("report-2024.pdf");
      assertRefused(field(DataType.FILE), "../etc/passwd");
      assertRefused(field(DataType.FILE), "a\\b.txt");
      assertRefused(field(DataType.FILE), "x".repeat(256));
    }
  }
}
