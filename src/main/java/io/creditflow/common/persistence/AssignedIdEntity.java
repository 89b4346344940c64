package io.creditflow.common.persistence;

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
 * loaded. (An entity with a wrapper-typed {@code @Version} needs none of this: Spring Data takes a null version for
 * new.) The due-date wave benchmark (issue 9) counted this SELECT on every follow-up, action and audit row.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

  @Id
  @Column(length = 36)
  protected String id;

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
