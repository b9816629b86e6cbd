package org.posturecoach.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.posturecoach.knowledge.KnowledgeBaseHolder;

/** Ready only with a knowledge base loaded (the datasource check covers the database). */
@Readiness
@ApplicationScoped
public class KnowledgeBaseReadiness implements HealthCheck {

    @Inject
    KnowledgeBaseHolder knowledgeBase;

    @Override
    public HealthCheckResponse call() {
        if (!knowledgeBase.isLoaded()) {
            return HealthCheckResponse.down("knowledge-base");
        }
        return HealthCheckResponse.named("knowledge-base").up()
                .withData("version", knowledgeBase.current().version()).build();
    }
}
