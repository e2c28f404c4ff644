package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents are the contract a client is generated from, so every operation they list is called,
 * through the gateway, the way the document says it can be called, and in the ways it says it can fail; every answer
 * must be one the document lists for that operation, with a body its schema accepts (and, for a refusal, the
 * {@code Problem} schema). The cases come from the documents: a request as documented (bodies and ids from the
 * {@link ContractFixture}, the rest built from the schemas), without a token where a token is required, another
 * user's where a 403 is documented, an unknown id, a path id that is no number, query values outside their
 * documented bounds, and for a body: none, malformed JSON, an empty object, each required property left out, the
 * wrong media type, one too large. The documents are also written to {@code target/openapi/}, and Spectral lints them.
 */
@IntegrationTest
class OpenApiContractIT extends ThroughTheGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNKNOWN_ID = "987654321";
    private static final Path OUT = Path.of("target", "openapi");
    /** The web client's copy of the contract (tests run in gateway-service/). */
    private static final Path WEB_OPENAPI = Path.of("..", "web", "openapi");

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> casesPerOperation = new TreeMap<>();
    private ContractFixture fixture;

    /** Spectral's {@code spectral:oas} rules, not one warning: {@code src/test/spectral/lint.sh} over the documents. */
    @Test
    void theDocumentsPassSpectralWithoutWarnings() throws IOException, InterruptedException {
        documents();
        Path log = OUT.resolve("spectral.txt");
        Process lint = new ProcessBuilder("bash", "src/test/spectral/lint.sh", OUT.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = lint.waitFor(Duration.ofMinutes(15));
        if (!done) {
            lint.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.print(output);
        assertThat(done && lint.exitValue() == 0).as("Spectral:%n%s", output).isTrue();
    }

    /**
     * The web client's types are generated from copies of the documents committed in {@code web/openapi/}: they must be
     * what the services serve now, or the client is built against a stale contract. After a change to an API, update
     * them with {@code -Dweb.openapi.update=true} on this test (docs/web.md), then {@code npm run api:types} in web/.
     */
    @Test
    void theWebClientsCommittedDocumentsAreTheServedOnes() throws IOException {
        boolean update = Boolean.getBoolean("web.openapi.update");
        List<String> stale = new ArrayList<>();
        for (ApiDocument document : documents()) {
            Path committed = WEB_OPENAPI.resolve(document.service + ".json");
            ObjectNode servedDocument = (ObjectNode) JSON.readTree(Files.readAllBytes(OUT.resolve(document.service + ".json")));
            // the server URL is the gateway's port of this run: not part of the contract
            servedDocument.remove("servers");
            String served = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(servedDocument) + "\n";
            if (update) {
                Files.createDirectories(WEB_OPENAPI);
                Files.writeString(committed, served);
            } else if (!Files.exists(committed) || !JSON.readTree(Files.readString(committed)).equals(JSON.readTree(served))) {
                stale.add(committed.toString());
            }
        }
        assertThat(stale).as("committed OpenAPI documents that differ from what the services serve: run this test with "
                + "-Dweb.openapi.update=true, then npm run api:types in web/ (docs/web.md)").isEmpty();
    }

    @Test
    void everyOperationAnswersAsItsDocumentSays() throws IOException {
        List<ApiDocument> documents = documents();
        fixture = new ContractFixture(gateway);

        for (ApiDocument document : documents) {
            for (ApiDocument.Operation operation : document.operations()) {
                casesOf(operation, fixture).forEach(this::check);
            }
        }

        StringBuilder coverage = new StringBuilder();
        casesPerOperation.forEach((operation, cases) -> coverage.append(String.format("%3d  %s%n", cases, operation)));
        coverage.append(casesPerOperation.values().stream().mapToInt(Integer::intValue).sum()).append(" cases over ")
                .append(casesPerOperation.size()).append(" operations\n");
        Files.writeString(OUT.resolve("contract-coverage.txt"), coverage);
        System.out.print(coverage);
        assertThat(failures).as("answers that the documents do not describe").isEmpty();
    }

    /** Each service's document, as the gateway serves it, also written to {@link #OUT}. */
    private List<ApiDocument> documents() throws IOException {
        Files.createDirectories(OUT);
        List<ApiDocument> documents = new ArrayList<>();
        for (String service : RunningSystem.SERVICES) {
            var response = gateway.get("/v3/api-docs/" + service);
            assertThat(response.status()).as(service + " document").isEqualTo(200);
            Files.write(OUT.resolve(service + ".json"), response.bytes());
            documents.add(new ApiDocument(service, response.bytes()));
        }
        return documents;
    }

    /** One request and the statuses this case must end in (each must also be documented). */
    record Case(ApiDocument.Operation operation, String name, TestHttp caller, String path,
                Map<String, String> headers, String contentType, byte[] body, IntPredicate expected, String expectation) {
    }

    private List<Case> casesOf(ApiDocument.Operation operation, ContractFixture fixture) {
        List<Case> cases = new ArrayList<>();
        TestHttp caller = fixture.caller(operation);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters("path")) {
            String name = parameter.get("name").asString();
            String value = fixture.pathValue(operation, name);
            if (value == null) {
                failures.add(operation.key() + ": the fixture has no value for path parameter " + name);
                return cases;
            }
            pathValues.put(name, value);
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters("query")) {
            if (parameter.path("required").asBoolean(false)) {
                query.put(parameter.get("name").asString(), operation.document().example(parameter.get("schema")).asString());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.parameters("header")) {
            if (parameter.path("required").asBoolean(false)) {
                String name = parameter.get("name").asString();
                String value = fixture.header(name);
                headers.put(name, value != null ? value : operation.document().example(parameter.get("schema")).asString());
            }
        }
        List<String> mediaTypes = operation.requestMediaTypes();
        String mediaType = mediaTypes.isEmpty() ? null : mediaTypes.getFirst();
        byte[] body = null;
        String contentType = null;
        if ("multipart/form-data".equals(mediaType)) {
            String boundary = "contract" + UUID.randomUUID();
            contentType = "multipart/form-data; boundary=" + boundary;
            body = multipart(boundary, fixture.png);
        } else if (mediaType != null) {
            Object given = fixture.body(operation);
            JsonNode json = given != null ? JSON.valueToTree(given)
                    : operation.document().example(operation.requestSchema(mediaType).orElseThrow());
            List<String> problems = operation.document().validate(operation.pointer() + "/requestBody/content/"
                    + ApiDocument.escape(mediaType) + "/schema", json);
            if (!problems.isEmpty()) {
                failures.add(operation.key() + ": the fixture's request body " + json + " is not what the document "
                        + "describes: " + problems);
            }
            contentType = mediaType;
            body = JSON.writeValueAsBytes(json);
        }
        Request valid = new Request(caller, fill(operation.path(), pathValues), query, headers, contentType, body);
        IntPredicate is4xx = s -> s >= 400 && s < 500;

        // the refusals first: they must leave everything as it was for the request as documented, which comes last
        if (!operation.isPublic()) {
            cases.add(valid.as(gateway).toCase(operation, "without a token", s -> s == 401, "401"));
        }
        if (operation.documentedStatus(403).filter(s -> s.equals("403")).isPresent() && caller != fixture.fan) {
            cases.add(valid.as(fixture.fan).toCase(operation, "as a user it is not for", s -> s == 403 || s == 404, "403 or 404"));
        }
        for (JsonNode parameter : operation.parameters("path")) {
            if (ApiDocument.typeOf(operation.document().resolve(parameter.get("schema"))).equals("integer")) {
                String name = parameter.get("name").asString();
                Map<String, String> unknown = new LinkedHashMap<>(pathValues);
                unknown.put(name, UNKNOWN_ID);
                cases.add(valid.at(fill(operation.path(), unknown)).toCase(operation, name + " unknown", s -> s == 404, "404"));
                unknown.put(name, "not-a-number");
                cases.add(valid.at(fill(operation.path(), unknown)).toCase(operation, name + " not a number", s -> s == 400, "400"));
            }
        }
        for (JsonNode parameter : operation.parameters("query")) {
            JsonNode schema = operation.document().resolve(parameter.get("schema"));
            String name = parameter.get("name").asString();
            String type = ApiDocument.typeOf(schema);
            List<String> wrong = new ArrayList<>();
            if (schema.has("minimum")) {
                wrong.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                wrong.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
            if (type.equals("integer") || schema.path("format").asString("").equals("date-time")) {
                wrong.add("not-a-value");
            }
            for (String value : wrong) {
                Map<String, String> bad = new LinkedHashMap<>(query);
                bad.put(name, value);
                cases.add(valid.with(bad).toCase(operation, name + "=" + value, s -> s == 400, "400"));
            }
        }
        for (JsonNode parameter : operation.parameters("header")) {
            if (parameter.path("required").asBoolean(false)) {
                String name = parameter.get("name").asString();
                Map<String, String> without = new LinkedHashMap<>(headers);
                without.remove(name);
                cases.add(valid.withHeaders(without).toCase(operation, "without header " + name, s -> s == 400, "400"));
            }
        }
        if (mediaType != null) {
            // no body is no Content-Type either: a 415 is as right as a 400
            cases.add(valid.withBody(null, null).toCase(operation, "without a body", s -> s == 400 || s == 415, "400 or 415"));
            cases.add(valid.withBody("text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                    .toCase(operation, "a text/plain body", s -> s == 415, "415"));
            byte[] huge = ("{\"padding\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            cases.add(valid.withBody(mediaType.equals("multipart/form-data") ? "application/json" : mediaType, huge)
                    .toCase(operation, "a body over 1 MB", s -> s == 413 || s == 415, "413 or 415"));
        }
        if (mediaType != null && !mediaType.equals("multipart/form-data")) {
            cases.add(valid.withBody(mediaType, "{\"broken\":".getBytes(StandardCharsets.UTF_8))
                    .toCase(operation, "malformed JSON", s -> s == 400, "400"));
            JsonNode schema = operation.requestSchema(mediaType).orElseThrow();
            if (schema.has("required") && !schema.get("required").isEmpty()) {
                cases.add(valid.withBody(mediaType, "{}".getBytes(StandardCharsets.UTF_8))
                        .toCase(operation, "an empty object", s -> s == 400, "400"));
                JsonNode json = JSON.readTree(body);
                for (JsonNode required : schema.get("required")) {
                    if (json.isObject() && json.has(required.asString())) {
                        ObjectNode without = ((ObjectNode) json).deepCopy();
                        without.remove(required.asString());
                        cases.add(valid.withBody(mediaType, JSON.writeValueAsBytes(without))
                                .toCase(operation, "without required " + required.asString(), s -> s == 400, "400"));
                    }
                }
            }
        }
        if ("multipart/form-data".equals(mediaType)) {
            String boundary = "contract" + UUID.randomUUID();
            cases.add(valid.withBody("multipart/form-data; boundary=" + boundary, multipart(boundary, null))
                    .toCase(operation, "multipart without its file", s -> s == 400, "400"));
        }
        // the request as documented succeeds (a redirect is a success here: GET /images/{id} answers 302)
        cases.add(valid.toCase(operation, "as documented", s -> s >= 200 && s < 400, "2xx or 3xx"));
        cases.forEach(c -> casesPerOperation.merge(c.operation().document().service + "  " + c.operation().key(), 1, Integer::sum));
        return cases;
    }

    private record Request(TestHttp caller, String path, Map<String, String> query, Map<String, String> headers,
                           String contentType, byte[] body) {
        Request as(TestHttp other) {
            return new Request(other, path, query, headers, contentType, body);
        }

        Request at(String otherPath) {
            return new Request(caller, otherPath, query, headers, contentType, body);
        }

        Request with(Map<String, String> otherQuery) {
            return new Request(caller, path, otherQuery, headers, contentType, body);
        }

        Request withHeaders(Map<String, String> otherHeaders) {
            return new Request(caller, path, query, otherHeaders, contentType, body);
        }

        Request withBody(String otherType, byte[] otherBody) {
            return new Request(caller, path, query, headers, otherType, otherBody);
        }

        Case toCase(ApiDocument.Operation operation, String name, IntPredicate expected, String expectation) {
            StringBuilder target = new StringBuilder(path);
            String separator = "?";
            for (var parameter : query.entrySet()) {
                target.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
            Map<String, String> sent = new LinkedHashMap<>(headers);
            // fresh per request: the same key twice would be answered from the first attempt
            sent.computeIfPresent("Idempotency-Key", (k, v) -> UUID.randomUUID().toString());
            return new Case(operation, name, caller, target.toString(), sent, contentType, body, expected, expectation);
        }
    }

    private void check(Case c) {
        String label = c.operation().document().service + " " + c.operation().key() + " [" + c.name() + "]";
        TestHttp.Response response = send(c);
        int status = response.status();
        if (!c.expected().test(status)) {
            failures.add(label + ": expected " + c.expectation() + ", got " + response);
        }
        var documented = c.operation().documentedStatus(status);
        if (documented.isEmpty()) {
            failures.add(label + ": status " + status + " is not documented (documented: "
                    + c.operation().documentedStatuses() + "): " + response);
            return;
        }
        JsonNode declared = c.operation().response(documented.get());
        JsonNode content = declared.get("content");
        if (content == null || content.isEmpty()) {
            if (response.bytes().length > 0) {
                failures.add(label + ": " + status + " is documented without a body, but has one: " + response);
            }
            return;
        }
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        if (!content.has(type)) {
            failures.add(label + ": " + status + " came as '" + type + "', documented as " + content.propertyNames());
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.bytes());
        } catch (RuntimeException e) {
            failures.add(label + ": " + status + " body is not JSON: " + response);
            return;
        }
        String pointer = c.operation().pointer() + "/responses/" + ApiDocument.escape(documented.get())
                + "/content/" + ApiDocument.escape(type) + "/schema";
        List<String> problems = c.operation().document().validate(pointer, body);
        if (!problems.isEmpty()) {
            failures.add(label + ": " + status + " body does not match its schema: " + problems + " in " + response);
        }
    }

    /** Through the gateway for /api/**, as a client; straight to the service for what the gateway does not route. */
    private TestHttp.Response send(Case c) {
        String base = c.path().startsWith("/api/") ? "http://127.0.0.1:" + port : RunningSystem.url(c.operation().document().service);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(Duration.ofSeconds(30));
        String token = fixture.tokenOf(c.caller());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        c.headers().forEach(request::header);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.operation().method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return c.caller().send(request.build());
    }

    private static byte[] multipart(String boundary, byte[] png) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nGALLERY\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (png != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"poster.png\""
                    + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(png);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (var value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }
}
