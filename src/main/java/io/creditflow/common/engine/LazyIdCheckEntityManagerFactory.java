package io.creditflow.common.engine;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;

/**
 * Camunda's {@link DbEntityManager} with the id check on insert made cheap. Camunda 7.24's
 * {@code DbEntityManager.validateId} builds its error message, {@code "Entity " + entity + " has an invalid id"}, before
 * it checks the id, so every row the engine inserts first renders the whole entity with {@code toString()} (a history
 * variable, an activity instance, an execution with all its fields) and throws the text away. JFR on the due-date wave
 * (issue 9, tenth round) put that rendering at about 5 % of the CPU of starting collection cases.
 *
 * <p>This manager makes the same check (the id is not {@code null} and not {@code "*"}, as
 * {@code EnsureUtil.ensureValidIndividualResourceId}) and lets Camunda's own code build the message and throw only when
 * the check fails, so a bad id is refused exactly as before. Installed by {@link EngineDefaults}.
 */
class LazyIdCheckEntityManagerFactory extends DbEntityManagerFactory {

  LazyIdCheckEntityManagerFactory(IdGenerator idGenerator) {
    super(idGenerator);
  }

  @Override
  public DbEntityManager openSession() {
    return new LazyIdCheckEntityManager(idGenerator,
        Context.getCommandContext().getSession(PersistenceSession.class));
  }

  /** The entity manager Camunda opens per command, with {@link #validateId} deferring to Camunda on a bad id only. */
  static class LazyIdCheckEntityManager extends DbEntityManager {

    LazyIdCheckEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity dbEntity) {
      String id = dbEntity.getId();
      if (id == null || "*".equals(id)) {
        super.validateId(dbEntity);
      }
    }
  }
}
