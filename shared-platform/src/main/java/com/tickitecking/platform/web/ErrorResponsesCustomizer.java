package com.tickitecking.platform.web;

import com.tickitecking.platform.security.ResourceServerSecurity;
import com.tickitecking.platform.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents what {@link ProblemDetailsAdvice}, the security filters and the gateway in front answer besides success,
 * the same way for every operation of every service: one {@code Problem} schema (RFC 9457 with the members the
 * platform adds) and, per operation, the error statuses it can get by rule:
 * <ul>
 *   <li>400 when it takes parameters or a body (malformed, wrong type, failed validation: {@code errors} names the fields),</li>
 *   <li>401 unless it is public (public ones get {@code security: []}), 403 under the admin paths,</li>
 *   <li>404 when its path names something by id, 413 and 415 when it takes a body,</li>
 *   <li>429, 500, 503 and 504 everywhere (the gateway's rate limit and circuit breakers, the advice's catch-all).</li>
 * </ul>
 * What only an operation knows (a 409 for a seat that is taken, a 403 for someone else's concert, a 422) it declares
 * itself with {@code @ApiResponse(responseCode = "409", description = "…")}; every 4xx and 5xx, declared or added,
 * is given the problem schema as its {@code application/problem+json} content.
 */
public class ErrorResponsesCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final PathPatternParser PATTERNS = PathPatternParser.defaultInstance;

    /** The description of each status this class adds, when the operation did not describe it itself. */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The request is invalid: malformed, of the wrong type or failing validation; `errors` names each field"),
            Map.entry("401", "No valid access token (send `Authorization: Bearer <token>`)"),
            Map.entry("403", "The role in the token, or who owns the thing, does not allow this"),
            Map.entry("404", "Nothing exists under this id (or it is not yours to see)"),
            Map.entry("409", "The current state does not allow this"),
            Map.entry("413", "The request body is too large"),
            Map.entry("415", "The request body is not of a type this operation takes"),
            Map.entry("422", "The request is well formed, but its meaning is refused"),
            Map.entry("429", "Too many requests: wait `Retry-After` seconds"),
            Map.entry("500", "An unexpected failure on the server's side"),
            Map.entry("503", "A service or dependency this request needs is unavailable: try again after `Retry-After` seconds"),
            Map.entry("504", "The service behind the gateway did not answer in time"));

    private final List<Matcher> publicOperations;
    private final PathPattern adminPaths = PATTERNS.parse(ResourceServerSecurity.ADMIN_PATHS);

    public ErrorResponsesCustomizer(SecurityProperties security) {
        List<Matcher> matchers = new ArrayList<>();
        ResourceServerSecurity.ALWAYS_PUBLIC.forEach(path -> matchers.add(new Matcher(null, PATTERNS.parse(path))));
        for (String entry : security.publicPaths()) {
            String[] parts = entry.trim().split("\\s+", 2);
            matchers.add(parts.length == 2
                    ? new Matcher(HttpMethod.valueOf(parts[0]), PATTERNS.parse(parts[1]))
                    : new Matcher(null, PATTERNS.parse(parts[0])));
        }
        this.publicOperations = List.copyOf(matchers);
    }

    private record Matcher(HttpMethod method, PathPattern path) {
        boolean matches(HttpMethod candidate, PathContainer route) {
            return (method == null || method.equals(candidate)) && path.matches(route);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(FIELD_ERROR, fieldErrorSchema());
        components.addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private void document(String path, HttpMethod method, Operation operation) {
        PathContainer route = PathContainer.parsePath(path);
        boolean isPublic = publicOperations.stream().anyMatch(m -> m.matches(method, route));
        boolean takesBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean namesById = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (isPublic) {
            operation.setSecurity(List.of()); // no token needed: overrides the document's bearer requirement
        } else {
            add(responses, "401");
        }
        if (!parameters.isEmpty() || takesBody) {
            add(responses, "400");
        }
        if (!isPublic && adminPaths.matches(route)) {
            add(responses, "403");
        }
        if (namesById) {
            add(responses, "404");
        }
        if (takesBody) {
            add(responses, "413");
            add(responses, "415");
        }
        List.of("429", "500", "503", "504").forEach(status -> add(responses, status));

        // every refusal, whoever declared it, is a problem document; in status order, as a reader scans them
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
        });
        ApiResponses ordered = new ApiResponses();
        sorted.forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    private static void add(ApiResponses responses, String status) {
        responses.computeIfAbsent(status, s -> new ApiResponse());
    }

    private static void asProblem(String status, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Refused"));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again")
                    .schema(new IntegerSchema()));
        }
        if (status.equals("401")) {
            response.addHeaderObject("WWW-Authenticate", new Header()
                    .description("The scheme to authenticate with: `Bearer`")
                    .schema(new StringSchema()));
        }
    }

    /** RFC 9457's members as ProblemDetailsAdvice, the security handlers and the gateway write them. */
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("A URI naming the kind of problem; `about:blank` when the status says it all")
                .example("about:blank"));
        properties.put("title", new StringSchema().description("A short summary of the kind of problem").example("Conflict"));
        properties.put("status", new IntegerSchema().description("The HTTP status").example(409));
        properties.put("detail", new StringSchema().description("What went wrong with this request, for a person")
                .example("Seat A-A-2 is taken."));
        properties.put("instance", new StringSchema().description("The path of the request that failed")
                .example("/api/v1/concerts/42/reservations"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("400 only: each rejected input"));
        properties.put("retryAfterSeconds", new IntegerSchema().description("429 and 503: the same wait as `Retry-After`"));
        properties.put("reason", new StringSchema().description("A 409 of some operations: which rule refused, e.g. `taken`, `limit`"));
        return new ObjectSchema()
                .description("An RFC 9457 problem document. Operations may add members of their own (named in the "
                        + "operation's description), e.g. `seats` for the seats that were taken, `limit`, `held` and "
                        + "`requested` for a buyer's limit, `maxBytes` for an upload too large.")
                .properties(properties)
                .required(List.of("title", "status"))
                .additionalProperties(true);
    }

    static Schema<?> fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("The path of the rejected input, e.g. `seats[0]` or `body`")
                .example("seats[0]"));
        properties.put("message", new StringSchema().description("Why it was rejected").example("must not be blank"));
        return new ObjectSchema().description("One rejected input").properties(properties)
                .required(List.of("field", "message"));
    }
}
