package io.dataforge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With a PEM certificate and key given to the {@code server} SSL bundle and
 * {@code server.ssl.bundle=server}, the HTTP port speaks TLS 1.3 and nothing older, to
 * the API and the actuator alike, and serves a replaced certificate without a restart.
 * The certificates are made here, by the JDK's keytool.
 */
@IntegrationTest
// a context of its own, closed after this class: the shared one is plain http
@DirtiesContext
@TestPropertySource(properties = { "spring.jmx.unique-names=true", "camel.main.name=data-forge-tls-it",
        "dataforge.watch.dir=", "server.ssl.bundle=server",
        // Spring's default waits 10 s for the files to settle before it reloads
        "spring.ssl.bundle.watch.file.quiet-period=200ms" })
class TlsIT {

    private static final Path DIR = Path.of("target/tls-it").toAbsolutePath();

    private static final Path CERTIFICATE_FILE = DIR.resolve("tls.crt");

    private static final Path PRIVATE_KEY_FILE = DIR.resolve("tls.key");

    private static final SelfSignedCertificate FIRST = SelfSignedCertificate.generate(DIR, "data-forge-first");

    private static final SelfSignedCertificate ROTATED = SelfSignedCertificate.generate(DIR, "data-forge-rotated");

    /** Trusts the two certificates made here and nothing else. */
    private static final SSLContext CLIENT_TLS = SelfSignedCertificate.trusting(FIRST, ROTATED);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void certificate(DynamicPropertyRegistry registry) {
        FIRST.writePem(CERTIFICATE_FILE, PRIVATE_KEY_FILE);
        registry.add("spring.ssl.bundle.pem.server.keystore.certificate", CERTIFICATE_FILE::toString);
        registry.add("spring.ssl.bundle.pem.server.keystore.private-key", PRIVATE_KEY_FILE::toString);
    }

    @Test
    void theActuatorAnswersOverTls13() {
        HttpResponse<String> liveness = https().get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.uri().getScheme()).isEqualTo("https");
        assertThat(liveness.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentSendsClientsToTheHttpsPort() {
        HttpResponse<String> document = https().get("/docs/swagger/v1/swagger.json");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) TestHttp.json(document).get("servers")).isNotEmpty()
            .allSatisfy(server -> assertThat(document.uri().resolve((String) server.get("url"))).hasScheme("https")
                .hasPort(port));
    }

    @Test
    void anAdminLogsInAndWorksOverTls() {
        IdentityClient identity = new IdentityClient(https());
        String token = identity.adminToken();

        HttpResponse<String> accounts = identity.withBearer("GET", "/admin/accounts", token);

        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        assertThat(accounts.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    void aClientOfferingOnlyTls12IsRefused() throws IOException {
        try (SSLSocket socket = (SSLSocket) CLIENT_TLS.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[] { "TLSv1.2" });

            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpGetsNothingFromTheApi() {
        TestHttp plain = new TestHttp(port);

        HttpResponse<String> answer = plain.sendOffContract(plain.request("/actuator/health/liveness").GET().build());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("requires TLS");
    }

    @Test
    void aReplacedCertificateIsServedWithoutARestart() throws IOException {
        assertThat(servedCertificate()).isEqualTo(FIRST.certificate());

        ROTATED.writePem(CERTIFICATE_FILE, PRIVATE_KEY_FILE);

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(servedCertificate()).isEqualTo(ROTATED.certificate()));
        assertThat(https().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private TestHttp https() {
        HttpClient client = HttpClient.newBuilder()
            .sslContext(CLIENT_TLS)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        return new TestHttp(client, "https://127.0.0.1:" + port);
    }

    private Certificate servedCertificate() throws IOException {
        try (SSLSocket socket = (SSLSocket) CLIENT_TLS.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

}
