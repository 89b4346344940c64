package io.creditflow.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The lawful-contact policy ({@code creditflow.contact.*}). The rules themselves (quiet hours, caps, which purpose
 * obeys which rule) are DMN in {@code processes/contact/*.dmn}; this chooses among them.
 *
 * @param jurisdiction        the jurisdiction profile: a row of the DMN {@code contactJurisdictionProfile}
 *                            ({@code DEFAULT}: quiet hours 21:00–08:00; {@code CN}: 22:00–08:00)
 * @param defaultTimeZone     quiet hours and local days for customers whose own time zone is unknown
 * @param holdRecheckInterval a notification refused without a known next instant (hold, cease-contact request,
 *                            third party) is deferred by this much and asked about again
 * @param defaultPhoneRef     the number reference a call is decided and recorded for when the caller names none
 */
@Validated
@ConfigurationProperties("creditflow.contact")
public record ContactProperties(
    @DefaultValue("DEFAULT") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}",
        message = "must be a profile name such as DEFAULT or CN") String jurisdiction,
    @DefaultValue("Asia/Shanghai") @NotNull ZoneId defaultTimeZone,
    @DefaultValue("PT1H") @NotNull Duration holdRecheckInterval,
    @DefaultValue("mobile") @NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{0,31}",
        message = "must be a reference such as mobile, never a number") String defaultPhoneRef) {

  public ContactProperties {
    if (holdRecheckInterval != null && (holdRecheckInterval.isNegative() || holdRecheckInterval.isZero()
        || holdRecheckInterval.compareTo(Duration.ofSeconds(1)) < 0)) {
      throw new IllegalArgumentException("creditflow.contact.hold-recheck-interval must be at least 1 second");
    }
  }

  /** The defaults, for tests and tools. */
  public static ContactProperties defaults() {
    return new ContactProperties("DEFAULT", ZoneId.of("Asia/Shanghai"), Duration.ofHours(1), "mobile");
  }

  /** The same settings with another jurisdiction profile. */
  public ContactProperties withJurisdiction(String profile) {
    return new ContactProperties(profile, defaultTimeZone, holdRecheckInterval, defaultPhoneRef);
  }
}
