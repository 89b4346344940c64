package io.creditflow.servicing;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An append-only row whose id is assigned in Java before it is saved. Spring Data would take an entity with an id for
 * an existing row and merge it (an extra SELECT per insert); this tells it the row is new until it was persisted or
 * loaded.
 */
@MappedSuperclass
abstract class AssignedIdEntity implements Persistable<String> {

  @Id
  @Column(length = 36)
  String id;

  @Transient
  private boolean isNew = true;

  @PostLoad
  @PostPersist
  void stored() {
    isNew = false;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @Override
  public String getId() {
    return id;
  }
}
