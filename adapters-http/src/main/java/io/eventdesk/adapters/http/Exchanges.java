package io.eventdesk.adapters.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests within their limits and writing JSON and problem answers. */
final class Exchanges {
    static final String JSON_TYPE = "application/json";
    static final String PROBLEM_TYPE = "application/problem+json";

    private final ObjectMapper reader;
    private final ObjectMapper writer = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final int maxBodyBytes;

    Exchanges(int maxBodyBytes, int maxDepth) {
        this.maxBodyBytes = maxBodyBytes;
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxBodyBytes)
                        .build())
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .build();
        this.reader = JsonMapper.builder(factory)
                .enable(
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The request's JSON object: content type, size and depth checked; numbers exact. */
    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON_TYPE)) {
            throw new ApiProblem(
                    415,
                    "Unsupported Media Type",
                    "expected Content-Type: application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
        byte[] body = body(ex);
        Object parsed;
        try {
            parsed = reader.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "Bad Request", "not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ApiProblem(400, "Bad Request", "expected a JSON object");
        }
        return (Map<String, Object>) m;
    }

    private byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new ApiProblem(400, "Bad Request", "Content-Length is not a number");
            }
            if (declared > maxBodyBytes) {
                drain(ex);
                throw tooLarge();
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] read = in.readNBytes(maxBodyBytes + 1);
            if (read.length > maxBodyBytes) {
                drain(ex);
                throw tooLarge();
            }
            return read;
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT}, so that the client, still sending,
     * reads the answer instead of a reset connection; a larger body has the connection closed on it.
     */
    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            long left = DRAIN_LIMIT;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        }
    }

    static final long DRAIN_LIMIT = 1 << 20;

    private ApiProblem tooLarge() {
        return new ApiProblem(413, "Content Too Large", "request bodies are limited to " + maxBodyBytes + " bytes");
    }

    void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, JSON_TYPE, writer.writeValueAsBytes(body));
    }

    void problem(HttpExchange ex, ApiProblem p) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.title);
        body.put("status", p.status);
        body.put("detail", p.getMessage());
        if (p.field != null) {
            body.put("field", p.field);
        }
        send(ex, p.status, PROBLEM_TYPE, writer.writeValueAsBytes(body));
    }

    void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
