package org.posturecoach.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentEntity, String> {

    public Optional<AssessmentEntity> findByTenant(String tenantId, String id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenantId).and("id", id))
                .firstResultOptional();
    }

    public Optional<AssessmentEntity> findByIdempotencyKey(String tenantId, String key) {
        return find("tenantId = :tenant and idempotencyKey = :key", Parameters.with("tenant", tenantId).and("key", key))
                .firstResultOptional();
    }

    /** Newest first; the id breaks ties so that pages never overlap. A null clientRef lists the whole tenant. */
    public List<AssessmentEntity> listNewestFirst(String tenantId, String clientRef, int offset, int limit) {
        String where = clientRef == null ? "tenantId = ?1" : "tenantId = ?1 and clientRef = ?2";
        var query = clientRef == null ? find(where + " order by createdAt desc, id desc", tenantId)
                : find(where + " order by createdAt desc, id desc", tenantId, clientRef);
        return query.range(offset, offset + limit - 1).list();
    }

    public long countFor(String tenantId, String clientRef) {
        return clientRef == null ? count("tenantId", tenantId)
                : count("tenantId = ?1 and clientRef = ?2", tenantId, clientRef);
    }
}
