package io.creditflow.collection;

import org.springframework.stereotype.Component;

/** Settings the collection model reads in expressions ({@code ${collectionSettings.holdRecheck()}}). */
@Component
public class CollectionSettings {

  private final CollectionProperties properties;

  CollectionSettings(CollectionProperties properties) {
    this.properties = properties;
  }

  /** ISO-8601 duration of Event_HoldRecheck. */
  public String holdRecheck() {
    return properties.holdRecheck().toString();
  }
}
