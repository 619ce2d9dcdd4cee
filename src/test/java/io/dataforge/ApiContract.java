package io.dataforge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every HTTP exchange the tests make with the API to the committed OpenAPI document
 * (docs/api/openapi.json): the status must be one the operation declares, and a body must
 * fit its schema. A request the test makes wrong on purpose (the answer is a 4xx) is
 * checked on its answer only.
 */
final class ApiContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
        .createForSpecificationUrl(Path.of("docs/api/openapi.json").toAbsolutePath().toUri().toString())
        .build();

    /**
     * Asking for what the API does not have is a test's business: the answer must then be
     * 404 or 405.
     */
    private static final Set<String> NOT_IN_THE_API = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final long LARGEST_CHECKED_BODY = 1 << 20;

    private ApiContract() {
    }

    static void check(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getPath();
        if (!path.startsWith("/api/") && !path.startsWith("/admin/") || path.startsWith("/api/v1/test/")) {
            return; // actuator, console, docs and the routes tests add for themselves:
                    // not the API
        }
        SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method(), path);
        request.headers().map().forEach(sent::withHeader);
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                sent.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        Optional<byte[]> body = body(request);
        body.ifPresent(sent::withBody);
        // a streamed body is sent, only not read back here: its absence is not the API's
        boolean streamed = body.isEmpty() && request.bodyPublisher().map(p -> p.contentLength() != 0).orElse(false);
        SimpleResponse.Builder answered = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answered::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            answered.withBody(response.body());
        }
        Request built = sent.build();
        ValidationReport report = response.statusCode() >= 400 && response.statusCode() < 500
                ? VALIDATOR.validateResponse(path, built.getMethod(), answered.build())
                : VALIDATOR.validate(built, answered.build());
        boolean absentAndRefused = (response.statusCode() == 404 || response.statusCode() == 405)
                && report.getMessages().stream().allMatch(message -> NOT_IN_THE_API.contains(message.getKey()));
        if (streamed) {
            report = ValidationReport.from(report.getMessages()
                .stream()
                .filter(message -> !"validation.request.body.missing".equals(message.getKey()))
                .toList());
        }
        if (report.hasErrors() && !absentAndRefused) {
            throw new AssertionError("Not as the API document says: " + request.method() + " " + request.uri() + " -> "
                    + response.statusCode() + "\n" + report);
        }
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A small body sent from memory, read back from its publisher; streamed bodies are
     * not checked.
     */
    private static Optional<byte[]> body(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() <= 0
                || publisher.get().contentLength() > LARGEST_CHECKED_BODY) {
            return Optional.empty();
        }
        List<ByteBuffer> parts = new ArrayList<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                parts.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
        if (size != publisher.get().contentLength()) {
            return Optional.empty(); // not delivered at once: leave it unchecked rather
                                     // than guess
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        parts.forEach(all::put);
        return Optional.of(all.array());
    }

}
