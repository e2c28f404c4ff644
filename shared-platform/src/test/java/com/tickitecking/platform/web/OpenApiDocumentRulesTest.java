package com.tickitecking.platform.web;

import com.tickitecking.platform.security.SecurityProperties;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules the platform applies to every service's OpenAPI document, on hand-built documents (no Spring). */
class OpenApiDocumentRulesTest {

    private static final SecurityProperties SECURITY =
            new SecurityProperties(List.of("GET /api/v1/things/*"), null, null, null);

    @Test
    void aSecuredWriteByIdGetsEveryRefusalItCanMeetAsAProblem() {
        Operation put = operation(true, true);
        OpenAPI api = api("/api/v1/things/{id}", new PathItem().put(put));

        new ErrorResponsesCustomizer(SECURITY).customise(api);

        assertThat(put.getResponses().keySet())
                .containsExactly("200", "400", "401", "404", "413", "415", "429", "500", "503", "504");
        ApiResponse notFound = put.getResponses().get("404");
        assertThat(notFound.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
        assertThat(put.getSecurity()).isNull();
    }

    @Test
    void aPublicReadNeedsNoTokenAndCannotBe401() {
        Operation get = operation(true, false);
        OpenAPI api = api("/api/v1/things/{id}", new PathItem().get(get));

        new ErrorResponsesCustomizer(SECURITY).customise(api);

        assertThat(get.getSecurity()).isEmpty();
        assertThat(get.getResponses()).doesNotContainKeys("401", "413", "415").containsKeys("400", "404");
    }

    @Test
    void anAdminOperationMayBe403AndADeclaredRefusalKeepsItsDescription() {
        Operation get = operation(false, false);
        get.getResponses().addApiResponse("409", new ApiResponse().description("The seat is taken"));
        OpenAPI api = api("/api/v1/admin/things", new PathItem().get(get));

        new ErrorResponsesCustomizer(SECURITY).customise(api);

        assertThat(get.getResponses()).containsKeys("401", "403").doesNotContainKeys("400", "404");
        assertThat(get.getResponses().get("409").getDescription()).isEqualTo("The seat is taken");
        assertThat(get.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
    }

    record Thing(long id, @Nullable String posterUrl, @Nullable Part part, Part other) {
        record Part(String name) {
        }
    }

    record Other(List<Thing.Part> parts) {
    }

    @Test
    void aNullableComponentMayBeNullAndANestedRecordIsNamedWithItsOuterRecord() {
        var converters = new ModelConverters(true);
        converters.addConverter(new RecordSchemas());

        Map<String, Schema> schemas = converters.readAll(new AnnotatedType(Thing.class));

        Schema<?> thing = schemas.get("OpenApiDocumentRulesTest.Thing");
        assertThat(thing.getProperties().get("posterUrl").getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(thing.getProperties().get("id").getTypes()).containsExactly("integer");
        assertThat(thing.getProperties().get("part").getAnyOf()).hasSize(2);
        assertThat(thing.getProperties().get("other").get$ref()).endsWith("/OpenApiDocumentRulesTest.Thing.Part");
        assertThat(schemas).containsKey("OpenApiDocumentRulesTest.Thing.Part");
    }

    @Test
    void aSchemaOnlyAnswersCarryHasEveryPropertyRequiredButARequestSchemaKeepsItsOwn() {
        Schema<?> answer = new Schema<>().addProperty("id", new Schema<>()).addProperty("posterUrl", new Schema<>());
        Schema<?> request = new Schema<>().addProperty("name", new Schema<>()).addProperty("note", new Schema<>())
                .required(List.of("name"));
        Operation post = new Operation()
                .requestBody(new RequestBody().content(json("Request")))
                .responses(new ApiResponses().addApiResponse("201", new ApiResponse().content(json("Answer"))));
        OpenAPI api = api("/api/v1/things", new PathItem().post(post));
        api.getComponents().addSchemas("Answer", answer).addSchemas("Request", request);

        new ResponseFieldsRequired().customise(api);

        assertThat(answer.getRequired()).containsExactly("id", "posterUrl");
        assertThat(request.getRequired()).containsExactly("name");
    }

    private static Operation operation(boolean byId, boolean withBody) {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        if (byId) {
            operation.addParametersItem(new Parameter().name("id").in("path"));
        }
        if (withBody) {
            operation.requestBody(new RequestBody().content(json("Thing")));
        }
        return operation;
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static OpenAPI api(String path, PathItem item) {
        return new OpenAPI().components(new io.swagger.v3.oas.models.Components()).paths(new Paths().addPathItem(path, item));
    }
}
