package com.tickitecking.gateway.web;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which requests are the web client's (module {@code web/}, served from {@code static/} on the classpath): a GET or
 * HEAD of a plain path outside the API and the gateway's own endpoints. Those are public; a page (no file extension,
 * asked for as {@code text/html}) is answered with {@code index.html}, so a client-side route can be opened directly.
 */
public final class WebClientPaths {

    /** The paths that are not the web client's, whatever is asked: the API, the actuator, the documents. */
    private static final List<String> NOT_OURS = List.of("/api", "/actuator", "/v3", "/swagger-ui", "/swagger-ui.html",
            "/webjars", "/.well-known");
    /**
     * Plain characters only: a percent-encoded or doubled path ({@code /%61pi/…}, {@code //api/…}) that the routes
     * might still read as the API is never one of ours, so it cannot skip the API's security.
     */
    private static final Pattern PLAIN = Pattern.compile("/([A-Za-z0-9_~.\\-]+(/[A-Za-z0-9_~.\\-]+)*/?)?");

    private WebClientPaths() {
    }

    /** A GET or HEAD of one of the web client's files or pages: public. */
    public static boolean isWebClient(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && isOurs(request.getPath().value());
    }

    /** A page of the client-side router: a path without a file extension that the browser wants as HTML. */
    public static boolean isPage(ServerHttpRequest request) {
        if (!isWebClient(request)) {
            return false;
        }
        String path = request.getPath().value();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && request.getHeaders().getAccept().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    static boolean isOurs(String rawPath) {
        if (!PLAIN.matcher(rawPath).matches() || rawPath.contains("/../") || rawPath.endsWith("/..")) {
            return false;
        }
        for (String prefix : NOT_OURS) {
            if (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/")) {
                return false;
            }
        }
        return true;
    }

    /** For the {@code Accept} check in tests and docs: what a browser sends for a page. */
    static final MediaType PAGE = MediaType.TEXT_HTML;
}
