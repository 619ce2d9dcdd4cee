package io.dataforge.platform.storage;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 that leaves request bodies unsigned over plain http too, as the SDK always does
 * over https. Over http the SDK hashes every body and signs it (it cannot be told not to:
 * aws-sdk-java-v2#5103), and the store hashes it again to check: S3Proxy took a signed 5
 * MB part at half the speed of an unsigned one. Bodies keep their Content-MD5, which the
 * store checks and whose ETag we compare, so a corrupted transfer is still refused. The
 * signature is the same either way but for the body's hash: the scheme is not part of
 * what is signed.
 */
final class UnsignedPayloads implements AuthScheme<AwsCredentialsIdentity> {

    private final AwsV4AuthScheme sigV4 = AwsV4AuthScheme.create();

    @Override
    public String schemeId() {
        return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
        return sigV4.identityProvider(providers);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
        HttpSigner<AwsCredentialsIdentity> signer = sigV4.signer();
        return new HttpSigner<>() {

            @Override
            public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                SdkHttpRequest http = request.request();
                if (!"http".equals(http.protocol())) {
                    return signer.sign(request);
                }
                SignedRequest signed = signer.sign(request.copy(b -> b.request(scheme(http, "https"))
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
                return signed.copy(b -> b.request(scheme(signed.request(), "http")));
            }

            @Override
            public CompletableFuture<AsyncSignedRequest> signAsync(
                    AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                return signer.signAsync(request);
            }

        };
    }

    /** The same request under another scheme, its port kept as it was. */
    private static SdkHttpRequest scheme(SdkHttpRequest request, String protocol) {
        return request.toBuilder().protocol(protocol).port(request.port()).build();
    }

}
