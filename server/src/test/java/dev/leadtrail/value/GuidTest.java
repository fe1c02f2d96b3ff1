package dev.leadtrail.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a56",
        "3EF0E32E-4D5B-11EA-B5C9-02E7A8AA5A56",
        "00000000-0000-0000-0000-000000000000"
      })
  void theLeadSquaredShape_isAGuidInEitherCase(String text) {
    assertThat(Guid.isGuid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "3ef0e32e4d5b11eab5c902e7a8aa5a56",
        "3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a5",
        "3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a567",
        "3ef0e32e-4d5b-11ea-b5c9_02e7a8aa5a56",
        "3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a5g",
        "{3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a5}",
        "3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a5٣"
      })
  void anythingElse_isNot(String text) {
    assertThat(Guid.isGuid(text)).isFalse();
  }

  @Test
  void null_isNotAGuid() {
    assertThat(Guid.isGuid(null)).isFalse();
  }

  @Test
  void theCanonicalSpelling_isLowerCase() {
    assertThat(Guid.canonical("3EF0E32E-4D5B-11EA-B5C9-02E7A8AA5A56"))
        .isEqualTo("3ef0e32e-4d5b-11ea-b5c9-02e7a8aa5a56");
    assertThatThrownBy(() -> Guid.canonical("not-a-guid"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
