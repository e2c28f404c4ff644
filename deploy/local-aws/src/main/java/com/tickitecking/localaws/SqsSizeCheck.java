package com.tickitecking.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tickitecking.events.EventQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A front before ElasticMQ that refuses messages real SQS refuses for their size, and passes everything else
 * through. Hand-written because ElasticMQ 1.7.1 cannot be made to: its only size setting
 * ({@code Limits.maxMessageLength}, 1 MiB even under strict limits) is checked for batches alone, as the sum of
 * the bodies' UTF-16 lengths; a single SendMessage is never checked, attributes are never counted, and the
 * queue attribute MaximumMessageSize is ignored. SQS counts body plus message attributes (name, data type and
 * value) in UTF-8 bytes, per message and per batch, against {@link EventQueue#MAX_MESSAGE_BYTES}.
 *
 * <p>It reads the JSON protocol, the one the AWS SDK v2 speaks ({@code X-Amz-Target: AmazonSQS.SendMessage}).
 */
final class SqsSizeCheck implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET = "X-Amz-Target";
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.0";
    /** The JDK client sets these itself and refuses them from a caller. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile URI backend;

    private SqsSizeCheck(HttpServer server) {
        this.server = server;
    }

    /** Binds the port now (0: a free one), so queue URLs can name it; forwards once {@link #forwardTo} is called. */
    static SqsSizeCheck bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SqsSizeCheck front = new SqsSizeCheck(server);
            server.setExecutor(front.handlers);
            server.createContext("/", front::handle);
            return front;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for SQS on port " + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void forwardTo(URI backend) {
        this.backend = backend;
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String refusal = refusal(exchange.getRequestHeaders().getFirst(TARGET), body);
            if (refusal != null) {
                respond(exchange, 400, Map.of("Content-Type", List.of(JSON_CONTENT_TYPE)), refusal.getBytes(StandardCharsets.UTF_8));
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        var request = HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to ElasticMQ", e);
        }
        respond(exchange, response.statusCode(), response.headers().map(), response.body());
    }

    private static void respond(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The error SQS would answer for this request's size, or null when SQS would take it. */
    static String refusal(String target, byte[] body) {
        if ("AmazonSQS.SendMessage".equals(target)) {
            long bytes = messageBytes(JSON.readTree(body));
            return bytes <= EventQueue.MAX_MESSAGE_BYTES ? null : error("InvalidParameterValue",
                    "One or more parameters are invalid. Reason: Message must be shorter than "
                            + EventQueue.MAX_MESSAGE_BYTES + " bytes.");
        }
        if ("AmazonSQS.SendMessageBatch".equals(target)) {
            long bytes = 0;
            for (JsonNode entry : JSON.readTree(body).path("Entries")) {
                bytes += messageBytes(entry);
            }
            return bytes <= EventQueue.MAX_MESSAGE_BYTES ? null : error("BatchRequestTooLong",
                    "Batch requests cannot be longer than " + EventQueue.MAX_MESSAGE_BYTES + " bytes. You have sent "
                            + bytes + " bytes.");
        }
        return null;
    }

    /** A message's size as SQS counts it: the body and each attribute's name, data type and value, in bytes. */
    static long messageBytes(JsonNode message) {
        long bytes = utf8(message.path("MessageBody").asString(""));
        for (var attribute : message.path("MessageAttributes").properties()) {
            JsonNode value = attribute.getValue();
            bytes += utf8(attribute.getKey()) + utf8(value.path("DataType").asString(""));
            if (value.has("BinaryValue")) {
                bytes += Base64.getDecoder().decode(value.path("BinaryValue").asString("")).length;
            } else {
                bytes += utf8(value.path("StringValue").asString(""));
            }
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String error(String code, String message) {
        return JSON.writeValueAsString(Map.of("__type", "com.amazonaws.sqs#" + code, "message", message));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        client.close();
    }
}
