package com.tickitecking.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A response record is written with every component, a null one as {@code null} (Jackson's default inclusion), so
 * every property of a schema that only answers carry is required: a generated client then types
 * {@code posterUrl: string | null}, not {@code posterUrl?: string}. Schemas that requests use too keep what Bean
 * Validation made required, since a client may leave optional request fields out.
 */
public class ResponseFieldsRequired implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inResponses = new HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                reach(operation.getRequestBody().getContent(), schemas, inRequests);
            }
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    reach(parameter.getSchema(), schemas, inRequests);
                }
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        reach(response.getContent(), schemas, inResponses);
                    }
                });
            }
        }));
        inResponses.removeAll(inRequests);
        for (String name : inResponses) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> reached) {
        if (content != null) {
            content.values().forEach(media -> reach(media.getSchema(), schemas, reached));
        }
    }

    /** Adds every component schema that {@code schema} refers to, directly or through others. */
    @SuppressWarnings("unchecked")
    private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (reached.add(name)) {
                reach(schemas.get(name), schemas, reached);
            }
            return;
        }
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        parts.add(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            parts.add(values);
        }
        for (List<Schema> combined : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            parts.addAll(combined);
        }
        parts.forEach(part -> reach(part, schemas, reached));
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
