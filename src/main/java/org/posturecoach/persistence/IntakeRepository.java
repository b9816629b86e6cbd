package org.posturecoach.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, String> {

    /**
     * The intake with this id in the tenant, its row locked until the transaction ends: two turns of one
     * conversation (or a turn and a read that marks it expired) cannot overwrite each other.
     */
    public Optional<Intake> findForUpdate(String tenantId, String id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenantId).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }
}
