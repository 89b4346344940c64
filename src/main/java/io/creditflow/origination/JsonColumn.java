package io.creditflow.origination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import io.creditflow.bureau.BureauReport;
import java.util.List;

/** JSON text columns of an application: reason codes and promotions (small, read with the application). */
final class JsonColumn {

  static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private JsonColumn() {}

  static String write(Object value) {
    try {
      return value == null ? null : MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static BureauReport bureauReport(String json) {
    try {
      return MAPPER.readValue(json, BureauReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored bureau report cannot be read", e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return json == null ? null : MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Converter
  static class ReasonCodes implements AttributeConverter<List<ReasonCode>, String> {
    @Override
    public String convertToDatabaseColumn(List<ReasonCode> attribute) {
      return write(attribute);
    }

    @Override
    public List<ReasonCode> convertToEntityAttribute(String column) {
      return read(column, new TypeReference<>() {});
    }
  }

  @Converter
  static class Promotions implements AttributeConverter<List<Promotion>, String> {
    @Override
    public String convertToDatabaseColumn(List<Promotion> attribute) {
      return write(attribute);
    }

    @Override
    public List<Promotion> convertToEntityAttribute(String column) {
      return read(column, new TypeReference<>() {});
    }
  }
}
