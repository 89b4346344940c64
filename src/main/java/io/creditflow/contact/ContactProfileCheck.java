package io.creditflow.contact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fails start-up when {@code creditflow.contact.jurisdiction} names no row of the DMN
 * {@code contactJurisdictionProfile}: better no start than contacts refused with a technical error at night.
 */
@Component
class ContactProfileCheck implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContactProfileCheck.class);

  private final ContactRules rules;
  private final ContactProperties properties;

  ContactProfileCheck(ContactRules rules, ContactProperties properties) {
    this.rules = rules;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    ContactRules.Profile profile = rules.profile(properties.jurisdiction());
    log.info("Contact policy: jurisdiction {}, quiet hours {}-{} in the customer's zone (default {})",
        profile.jurisdiction(), profile.quietHoursStart(), profile.quietHoursEnd(), properties.defaultTimeZone());
  }
}
