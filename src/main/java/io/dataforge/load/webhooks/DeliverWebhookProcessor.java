package io.dataforge.load.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.load.LoadMessages;
import io.dataforge.load.LoadProperties;
import io.dataforge.load.Upload;
import io.dataforge.load.UploadRepository;
import io.dataforge.platform.tracing.Tracing;
import io.dataforge.platform.web.ApiException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The step of {@code load.webhook}: POSTs {@code {uploadId, status, rowsProcessed,
 * rowsFailed, error, timestamp}} to the upload's callback URL, signed with HMAC-SHA256 of
 * the body under the account's key ({@code X-DataForge-Signature: sha256=<hex>}). A
 * non-2xx answer or a network error throws, and the route retries with backoff; a URL
 * that now resolves to a private address is given up at once. A callback no longer
 * pending (a duplicate message) is skipped.
 */
@Component
public class DeliverWebhookProcessor implements Processor {

    static final String SIGNATURE = "X-DataForge-Signature";

    private final UploadRepository uploads;

    private final WebhookSecrets secrets;

    private final LoadProperties props;

    private final ObjectMapper json;

    private final HttpClient http;

    private final WebhookMetrics metrics;

    private final Tracing tracing;

    DeliverWebhookProcessor(UploadRepository uploads, WebhookSecrets secrets, LoadProperties props, ObjectMapper json,
            WebhookMetrics metrics, Tracing tracing) {
        this.uploads = uploads;
        this.tracing = tracing;
        this.metrics = metrics;
        this.secrets = secrets;
        this.props = props;
        this.json = json;
        this.http = HttpClient.newBuilder()
            .connectTimeout(props.webhooks().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        UUID id = LoadMessages.uploadId(exchange);
        Upload upload = uploads.find(id).orElse(null);
        if (upload == null || !"pending".equals(upload.webhookStatus())) {
            return;
        }
        String url;
        try {
            url = CallbackUrls.check(upload.callbackUrl(), props);
        }
        catch (ApiException e) {
            uploads.webhookFailed(id, e.getMessage());
            metrics.ended(id, "blocked", e.getMessage());
            return;
        }
        metrics.attempt(id, upload.webhookAttempts() + 1);
        String body = json.writeValueAsString(payload(upload));
        URI target = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
            .timeout(props.webhooks().timeout())
            .header("Content-Type", "application/json")
            .header(SIGNATURE, "sha256=" + sign(secrets.secretFor(upload.accountId()), body))
            .header("X-DataForge-Event", "upload." + upload.status().db())
            .POST(HttpRequest.BodyPublishers.ofString(body));
        int status;
        try {
            status = tracing.inSpan("POST", SpanKind.CLIENT, clientAttributes(target), span -> {
                tracing.inject(request::header);
                int answered = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                span.setAttribute("http.response.status_code", answered);
                if (answered >= 400) {
                    span.setStatus(StatusCode.ERROR);
                }
                return answered;
            });
        }
        catch (IOException e) {
            uploads.webhookAttempted(id, "callback unreachable: " + e.getMessage());
            metrics.ended(id, "unreachable", e.getMessage());
            throw e;
        }
        if (status / 100 != 2) {
            uploads.webhookAttempted(id, "callback answered " + status);
            metrics.ended(id, "refused", "answered " + status);
            throw new IOException("callback " + url + " answered " + status);
        }
        uploads.webhookAttempted(id, null);
        uploads.webhookDelivered(id);
        metrics.ended(id, "delivered", null);
    }

    // the callback URL's query may hold the receiver's token: the span names scheme,
    // host,
    // port and path only
    private static Attributes clientAttributes(URI target) {
        return Attributes.builder()
            .put("http.request.method", "POST")
            .put("server.address", target.getHost())
            .put("server.port",
                    target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80))
            .put("url.full", target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath())
            .build();
    }

    /** What a callback POSTs (signed as written). */
    record Callback(String uploadId, String status, long rowsProcessed, long rowsFailed, String error,
            String timestamp) {
    }

    private static Callback payload(Upload upload) {
        return new Callback(upload.id().toString(), upload.status().db(), upload.rowsProcessed(), upload.rowsFailed(),
                upload.errorMessage(), Instant.now().toString());
    }

    static String sign(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

}
