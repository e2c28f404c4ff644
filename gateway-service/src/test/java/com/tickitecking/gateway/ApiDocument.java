package com.tickitecking.gateway;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service's OpenAPI document, read as a contract: its operations, what each takes, and what each may answer.
 * Bodies are validated against the document's own schemas (JSON Schema 2020-12 with OpenAPI 3.1's vocabulary,
 * {@code $ref}s resolved inside the document) by networknt's json-schema-validator.
 */
final class ApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    final String service;
    final JsonNode root;
    private final String uri;
    private final SchemaRegistry schemas;

    ApiDocument(String service, byte[] document) {
        this.service = service;
        this.root = JSON.readTree(document);
        this.uri = "https://contract.tickitecking.test/" + service + ".json";
        String text = new String(document, StandardCharsets.UTF_8);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(uri, text)));
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : root.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(this, method.toUpperCase(), path.getKey(), operation));
                }
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} (also a chain of them). */
    JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            node = root.at(node.get("$ref").asString().substring(1));
        }
        return node;
    }

    /** The problems of {@code body} against the schema at {@code pointer} in this document; empty when it conforms. */
    List<String> validate(String pointer, JsonNode body) {
        Schema schema = schemas.getSchema(SchemaLocation.of(uri + "#" + pointer));
        return schema.validate(body).stream().map(Error::toString).toList();
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** One operation of the document. */
    record Operation(ApiDocument document, String method, String path, JsonNode node) {

        String key() {
            return method + " " + path;
        }

        String pointer() {
            return "/paths/" + escape(path) + "/" + method.toLowerCase();
        }

        /** Public operations say {@code security: []}; the others inherit the document's bearer requirement. */
        boolean isPublic() {
            return node.has("security") && node.get("security").isEmpty();
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            if (node.has("parameters")) {
                node.get("parameters").forEach(p -> {
                    JsonNode parameter = document.resolve(p);
                    if (parameter.get("in").asString().equals(in)) {
                        found.add(parameter);
                    }
                });
            }
            return found;
        }

        /** The media types of the request body, e.g. {@code application/json}; empty when it takes none. */
        List<String> requestMediaTypes() {
            JsonNode body = document.resolve(node.get("requestBody"));
            if (body == null || !body.has("content")) {
                return List.of();
            }
            List<String> types = new ArrayList<>();
            body.get("content").propertyNames().forEach(types::add);
            return types;
        }

        Optional<JsonNode> requestSchema(String mediaType) {
            JsonNode body = document.resolve(node.get("requestBody"));
            return body == null ? Optional.empty()
                    : Optional.ofNullable(body.path("content").path(mediaType).get("schema")).map(document::resolve);
        }

        /** The response documented for a status: the status itself, its range ({@code 4XX}) or {@code default}. */
        Optional<String> documentedStatus(int status) {
            JsonNode responses = node.get("responses");
            for (String candidate : List.of(String.valueOf(status), status / 100 + "XX", "default")) {
                if (responses.has(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        List<String> documentedStatuses() {
            List<String> statuses = new ArrayList<>();
            node.get("responses").propertyNames().forEach(statuses::add);
            return statuses;
        }

        JsonNode response(String status) {
            return document.resolve(node.get("responses").get(status));
        }
    }

    /**
     * A value the schema accepts, built from its examples, defaults, enums, formats and bounds, for the parts of a
     * request the fixture does not set itself. Only what the schema requires is filled in, plus any property
     * with an example.
     */
    JsonNode example(JsonNode schema) {
        return example(schema, 0);
    }

    private JsonNode example(JsonNode schema, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        schema = resolve(schema);
        if (schema == null || depth > 8) {
            return nodes.nullNode();
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(combinator)) {
                return example(schema.get(combinator).get(0), depth + 1);
            }
        }
        return switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                JsonNode properties = schema.path("properties");
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (var property : properties.properties()) {
                    if (required.contains(property.getKey()) || resolve(property.getValue()).has("example")) {
                        object.set(property.getKey(), example(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(example(schema.get("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> nodes.booleanNode(true);
            case "null" -> nodes.nullNode();
            default -> nodes.stringNode(switch (schema.path("format").asString("")) {
                case "date-time" -> "2030-01-01T20:00:00Z";
                case "date" -> "2030-01-01";
                case "email" -> "someone@example.com";
                case "uuid" -> "00000000-0000-4000-8000-000000000000";
                default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
            });
        };
    }

    /** The schema's type, the first that is not {@code null} when it lists several. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "any";
        }
        if (type.isArray()) {
            Iterator<JsonNode> types = type.iterator();
            while (types.hasNext()) {
                String candidate = types.next().asString();
                if (!candidate.equals("null")) {
                    return candidate;
                }
            }
            return "null";
        }
        return type.asString();
    }
}
