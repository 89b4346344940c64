package io.creditflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class StrictJavaTimeModuleTest {

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
      .registerModule(new StrictJavaTimeModule());

  @Test
  void isoStringsFromTheYear1900OnAreRead() throws Exception {
    assertThat(mapper.readValue("\"1900-01-01\"", LocalDate.class)).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(mapper.readValue("\"2027-01-31T10:00:00+08:00\"", OffsetDateTime.class).getYear()).isEqualTo(2027);
  }

  @Test
  void earlierYearsAreRefusedAsABadValue() {
    // 0000-01-01 did not survive the trip through JDBC unchanged (hostile-input tests, income reports)
    assertThatThrownBy(() -> mapper.readValue("\"0000-01-01\"", LocalDate.class))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("must not be before the year 1900");
    assertThatThrownBy(() -> mapper.readValue("\"1899-12-31\"", LocalDate.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> mapper.readValue("\"1582-10-04T00:00:00Z\"", Instant.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void numbersAndArraysAreNotDates() {
    assertThatThrownBy(() -> mapper.readValue("20270131", LocalDate.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("[2027,1,31]", LocalDate.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
