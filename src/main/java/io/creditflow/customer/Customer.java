package io.creditflow.customer;

import io.creditflow.common.persistence.AssignedIdEntity;
import io.creditflow.common.crypto.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A borrower. National id, mobile and e-mail are encrypted at rest; the national id is found through its keyed hash.
 * Contact details follow the latest application (post-loan management keeps customer information current).
 */
@Entity
@Table(name = "cf_customer")
public class Customer extends AssignedIdEntity {

  @Column(name = "national_id_hash", nullable = false, updatable = false)
  private String nationalIdHash;

  @Convert(converter = EncryptedString.class)
  @Column(name = "national_id", nullable = false, updatable = false)
  private String nationalId;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Column(name = "date_of_birth", nullable = false)
  private LocalDate dateOfBirth;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  private String mobile;

  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  private String email;

  @Column(name = "preferred_language", nullable = false)
  private String preferredLanguage;

  /** IANA zone id (e.g. {@code Europe/London}) for quiet hours; null = {@code creditflow.contact.default-time-zone}. */
  @Column(name = "time_zone", length = 64)
  private String timeZone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected Customer() {}

  Customer(String nationalIdHash, String nationalId, String fullName, LocalDate dateOfBirth, String mobile,
      String email, String preferredLanguage, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.nationalIdHash = nationalIdHash;
    this.nationalId = nationalId;
    this.fullName = fullName;
    this.dateOfBirth = dateOfBirth;
    this.mobile = mobile;
    this.email = email;
    this.preferredLanguage = preferredLanguage;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void updateContact(String fullName, String mobile, String email, Instant now) {
    this.fullName = fullName;
    this.mobile = mobile;
    this.email = email;
    this.updatedAt = now;
  }

  /** Sets the customer's own time zone (an IANA id such as Europe/London; null = unknown). */
  void changeTimeZone(String zone, Instant now) {
    this.timeZone = zone;
    this.updatedAt = now;
  }

  public String getNationalIdHash() { return nationalIdHash; }
  public String getNationalId() { return nationalId; }
  public String getFullName() { return fullName; }
  public LocalDate getDateOfBirth() { return dateOfBirth; }
  public String getMobile() { return mobile; }
  public String getEmail() { return email; }
  public String getPreferredLanguage() { return preferredLanguage; }
  /** The customer's own time zone (IANA id), or null when unknown. */
  public String getTimeZone() { return timeZone; }
  public Instant getCreatedAt() { return createdAt; }
}
