package org.posturecoach.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IntakeEventRepository implements PanacheRepositoryBase<IntakeEvent, String> {

    public List<IntakeEvent> history(String intakeId) {
        return list("intakeId = ?1 order by seq", intakeId);
    }
}
