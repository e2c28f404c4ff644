package com.tickitecking.gateway.error;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes RFC 9457 problem documents from the gateway, the same shape the services answer with. */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail, String instance) {
        return write(response, status, title, detail, instance, Map.of());
    }

    /** With extension members, e.g. {@code reason}, the machine-readable cause a client acts on. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail, String instance,
                                   Map<String, Object> properties) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.putAll(properties);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
