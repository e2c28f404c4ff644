package com.tickitecking.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body whose Content-Length is over {@link RequestLimits#maxRequestBody()} with 413 before anything reads
 * it. A chunked body has no length to check here; JSON parsing stops it at the same size (see
 * {@link JsonLimitsConfiguration}). Multipart uploads are left to their own, larger, limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(RequestLimits limits) {
        this.maxBytes = limits.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes && !isMultipart(request)) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body may be at most " + maxBytes + " bytes.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }
}
