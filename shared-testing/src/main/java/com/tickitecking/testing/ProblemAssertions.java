package com.tickitecking.testing;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a refusal as every service renders it: problem+json with a status, and for a 400 the fields at fault. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** A 400 whose {@code errors} name the field. */
    public static void assertInvalid(TestHttp.Response response, String field) {
        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.toString()).contains(field);
    }
}
