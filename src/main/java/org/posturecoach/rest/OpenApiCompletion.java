package org.posturecoach.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What the annotations cannot say in the OpenAPI document: every 201 of the API sends {@code Location} (the created
 * object's path), and an enum lists each value once (an intake stored as {@code assessed} is shown as
 * {@code complete}, so the generated enum held {@code complete} twice and a generated Java or C# client did not
 * compile).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiCompletion implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                APIResponse created = op.getResponses() == null ? null : op.getResponses().getAPIResponse("201");
                if (path.startsWith("/api/") && created != null) {
                    created.addHeader("Location", location());
                }
            }));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiCompletion::listEnumOnce);
        }
    }

    private static Header location() {
        return OASFactory.createHeader().required(true)
                .description("The path of the created object, e.g. /api/v1/assessments/{id}")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"));
    }

    private static void listEnumOnce(Schema schema) {
        if (schema.getEnumeration() != null) {
            schema.setEnumeration(new ArrayList<>(new LinkedHashSet<>(schema.getEnumeration())));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiCompletion::listEnumOnce);
        }
    }
}
