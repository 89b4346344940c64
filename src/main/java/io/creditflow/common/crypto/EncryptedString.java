package io.creditflow.common.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** JPA: {@code @Convert(converter = EncryptedString.class)} stores a String column encrypted (AES-GCM). */
@Component
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

  private final PersonalDataProtection protection;

  public EncryptedString(PersonalDataProtection protection) {
    this.protection = protection;
  }

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return protection.encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String column) {
    return protection.decrypt(column);
  }
}
