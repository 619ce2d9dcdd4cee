package io.dataforge.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for 127.0.0.1 and localhost made by the JDK's own keytool (no crypto
 * library in the build for it), written as an operator hands it to the application: a PEM
 * certificate and a PKCS#8 PEM private key.
 */
record SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    private static final char[] PASSWORD = "changeit".toCharArray();

    static SelfSignedCertificate generate(Path dir, String commonName) {
        try {
            Files.createDirectories(dir);
            Path store = Files.createTempFile(dir, commonName, ".p12");
            Files.delete(store); // keytool makes it
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + commonName, "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype",
                    "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            return new SelfSignedCertificate((X509Certificate) keys.getCertificate("server"),
                    (PrivateKey) keys.getKey("server", PASSWORD));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Back to back, as a rotation replaces both: the reload's quiet period takes them as
     * one change.
     */
    void writePem(Path certificateFile, Path privateKeyFile) {
        try {
            Files.writeString(privateKeyFile, pem("PRIVATE KEY", privateKey.getEncoded()));
            Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts these certificates and nothing else. */
    static SSLContext trusting(SelfSignedCertificate... certificates) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                trusted.setCertificateEntry("trusted-" + i, certificates[i].certificate());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

}
