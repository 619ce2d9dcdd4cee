package io.dataforge.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;
import io.dataforge.identity.IdentityProperties;
import io.dataforge.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replicas share their keys through the database: each new one, with its own empty data
 * folder as a pod has, hashes with the key of the running one and signs with the same
 * signing key, and a rotation on one logs nobody out on any.
 */
@IntegrationTest
class SharedKeysIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyMaterial running;

    @Autowired
    SigningKeys runningSigning;

    @Autowired
    TokenKeyRepository tokenKeys;

    @Autowired
    IdentityProperties props;

    @TempDir
    Path dataDirs;

    @Test
    void replicasWithTheirOwnDataFoldersUseTheKeysOfTheFirst() {
        KeyMaterial second = replica("second", null);
        KeyMaterial third = replica("third", null);

        assertThat(second.secretHashKey().getEncoded()).isEqualTo(running.secretHashKey().getEncoded())
            .isEqualTo(third.secretHashKey().getEncoded());
        assertThat(signingReplica("second", null, List.of()).signingKey())
            .isEqualTo(signingReplica("third", null, List.of()).signingKey())
            .isEqualTo(runningSigning.signingKey());
        assertThat(runningSigning.signingKey().getEncoded()).isNotEqualTo(second.secretHashKey().getEncoded());
        assertThat(Files.exists(dataDirs.resolve("second/keys"))).as("nothing kept on a replica's own disk").isFalse();
    }

    @Test
    void configuredKeysWinAreNotStoredAndRotateThroughConfiguration() {
        String configured = key();
        String previous = key();

        KeyMaterial replica = replica("configured", configured);
        SigningKeys signing = signingReplica("configured", configured, List.of(previous));

        assertThat(replica.secretHashKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(configured));
        assertThat(signing.signingKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(configured));
        assertThat(signing.verifyingKeys()).extracting(k -> Base64.getEncoder().encodeToString(k.getEncoded()))
            .containsExactly(configured, previous);
        assertThat(signing.signing().getKeyID()).as("every replica names a configured key alike")
            .isEqualTo(signingReplica("configured-too", configured, List.of()).signing().getKeyID())
            .doesNotContain(configured);
        assertThat(jdbc.queryForList("SELECT material FROM identity_keys UNION ALL SELECT material FROM token_keys",
                String.class))
            .doesNotContain(configured, previous);
        assertThatThrownBy(signing::rotate).isInstanceOf(ApiException.class)
            .hasMessageContaining("previous-jwt-secrets");
    }

    @Test
    void aRotationLogsNobodyOutAndTheOtherReplicasVerifyTheNewKidAtOnce() throws Exception {
        IdentityClient client = new IdentityClient(new TestHttp(port));
        SigningKeys otherReplica = signingReplica("other", null, List.of());
        String before = client.adminToken();
        String oldKid = kid(before);
        byte[] oldKey = runningSigning.signingKey().getEncoded();
        String withoutKid = sign(claims(3600), oldKey, null);

        HttpResponse<String> rotated = client.adminPost("/admin/token-keys", "");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKid = (String) TestHttp.json(rotated).get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        String after = client.adminToken();
        assertThat(kid(after)).isEqualTo(newKid);
        for (String token : List.of(before, withoutKid, after)) {
            assertThat(client.withBearer("GET", "/admin/accounts", token).statusCode()).as(token).isEqualTo(200);
        }
        assertThat(otherReplica.get(kidSelector(newKid), null)).as("the new kid, on a replica loaded before")
            .hasSize(1);
        List<Map<String, Object>> listed = TestHttp.jsonList(client.adminGet("/admin/token-keys"));
        assertThat(listed.get(0)).containsEntry("kid", newKid).containsEntry("signing", true);
        Map<String, Object> retired = listed.stream()
            .filter(k -> oldKid.equals(k.get("kid")))
            .findFirst()
            .orElseThrow();
        assertThat(retired).containsEntry("signing", false).containsKeys("retiredAt", "acceptedUntil");
        assertThat(Duration.between(Instant.parse((String) retired.get("retiredAt")),
                Instant.parse((String) retired.get("acceptedUntil"))))
            .as("a retired key verifies as long as the tokens it signed may live")
            .isEqualTo(props.tokenTtl().plus(SigningKeys.REFRESH));
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM admin_audit WHERE action = 'token-key.rotated'" + " AND target_id = ?",
                Long.class, newKid))
            .isOne();

        HttpResponse<String> unknownKid = client.withBearer("GET", "/admin/accounts",
                sign(claims(3600), oldKey, "nobody-" + UUID.randomUUID()));
        assertThat(unknownKid.statusCode()).as("a kid no replica has, even on a genuine key").isEqualTo(401);

        // once its window has passed, the retired key verifies nothing, not even a token
        // minted with it now
        Object retiredAt = jdbc.queryForObject("SELECT retired_at FROM token_keys WHERE kid = ?", Object.class, oldKid);
        try {
            jdbc.update("UPDATE token_keys SET retired_at = now() - interval '2 days' WHERE kid = ?", oldKid);
            SigningKeys later = signingReplica("later", null, List.of());
            assertThat(later.get(kidSelector(oldKid), null)).isEmpty();
            assertThat(later.verifyingKeys()).noneMatch(k -> java.util.Arrays.equals(k.getEncoded(), oldKey));
        }
        finally {
            jdbc.update("UPDATE token_keys SET retired_at = ? WHERE kid = ?", retiredAt, oldKid);
        }
    }

    @Test
    void rotationsAtOnceLeaveOneSigningKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rotations = java.util.Collections.nCopies(4, () -> {
                try {
                    signingReplica("racing-" + UUID.randomUUID(), null, List.of()).rotate();
                    return 201;
                }
                catch (ApiException e) {
                    return e.status();
                }
            });
            List<Integer> statuses = pool.invokeAll(rotations).stream().map(SharedKeysIT::get).toList();
            assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 409);
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_keys WHERE retired_at IS NULL", Long.class)).isOne();
    }

    @Test
    void theKeysAnEarlierSingleInstanceKeptInItsDataFolderAreCarriedOverByReplicasStartingTogether() throws Exception {
        List<Map<String, Object>> identityKeys = jdbc.queryForList("SELECT name, material FROM identity_keys");
        List<Map<String, Object>> signingKeys = jdbc
            .queryForList("SELECT kid, material, created_at, retired_at FROM token_keys");
        Path earlier = dataDirs.resolve("earlier/keys");
        Files.createDirectories(earlier);
        String signing = key();
        String hashing = key();
        Files.writeString(earlier.resolve("jwt-signing.key"), signing + "\n");
        Files.writeString(earlier.resolve("secret-hash.key"), hashing + "\n");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            jdbc.update("DELETE FROM identity_keys");
            jdbc.update("DELETE FROM token_keys");

            List<Future<SigningKeys>> starting = pool.invokeAll(List.of(
                    () -> signingReplica("earlier", null, List.of()), () -> signingReplica("new-1", null, List.of()),
                    () -> signingReplica("new-2", null, List.of())));
            KeyMaterial upgraded = replica("earlier", null);

            List<String> kids = starting.stream().map(SharedKeysIT::get).map(k -> k.signing().getKeyID()).toList();
            assertThat(kids).as("one signing key, whoever stored it").containsOnly(kids.get(0));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM token_keys", Long.class)).isOne();
            assertThat(upgraded.secretHashKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(hashing));
            assertThat(replica("after", null).secretHashKey().getEncoded())
                .isEqualTo(Base64.getDecoder().decode(hashing));
        }
        finally {
            pool.shutdown();
            // the other contexts of this run hold the keys that were stored
            jdbc.update("DELETE FROM identity_keys");
            jdbc.update("DELETE FROM token_keys");
            identityKeys.forEach(row -> jdbc.update("INSERT INTO identity_keys (name, material) VALUES (?, ?)",
                    row.get("name"), row.get("material")));
            signingKeys.forEach(row -> jdbc.update(
                    "INSERT INTO token_keys (kid, material, created_at, retired_at) VALUES (?, ?, ?, ?)",
                    row.get("kid"), row.get("material"), row.get("created_at"), row.get("retired_at")));
        }
    }

    @Test
    void aLoneReplicaCarriesOverItsEarlierSigningKey() throws Exception {
        List<Map<String, Object>> signingKeys = jdbc
            .queryForList("SELECT kid, material, created_at, retired_at FROM token_keys");
        Path earlier = Files.createDirectories(dataDirs.resolve("alone/keys"));
        String signing = key();
        Files.writeString(earlier.resolve("jwt-signing.key"), signing + "\n");
        try {
            jdbc.update("DELETE FROM token_keys");

            SigningKeys upgraded = signingReplica("alone", null, List.of());

            assertThat(upgraded.signingKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(signing));
            assertThat(jdbc.queryForObject("SELECT material FROM token_keys WHERE retired_at IS NULL", String.class))
                .isEqualTo(signing);
        }
        finally {
            jdbc.update("DELETE FROM token_keys");
            signingKeys.forEach(row -> jdbc.update(
                    "INSERT INTO token_keys (kid, material, created_at, retired_at) VALUES (?, ?, ?, ?)",
                    row.get("kid"), row.get("material"), row.get("created_at"), row.get("retired_at")));
        }
    }

    private KeyMaterial replica(String name, String secretHashKey) {
        return new KeyMaterial(properties(null, List.of(), secretHashKey), jdbc, dataDirs.resolve(name).toString());
    }

    private SigningKeys signingReplica(String name, String jwtSecret, List<String> previous) {
        return new SigningKeys(properties(jwtSecret, previous, null), tokenKeys, dataDirs.resolve(name).toString());
    }

    private IdentityProperties properties(String jwtSecret, List<String> previous, String secretHashKey) {
        return new IdentityProperties(props.adminUser(), props.adminPassword(), props.issuer(), props.tokenTtl(),
                jwtSecret, previous, secretHashKey, props.throttle(), props.oidc());
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static JWKSelector kidSelector(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    private JWTClaimsSet claims(long secondsLeft) {
        return new JWTClaimsSet.Builder().issuer(props.issuer())
            .subject("admin:" + props.adminUser())
            .claim("roles", List.of("ADMIN"))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(secondsLeft)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    }

    private static String sign(JWTClaimsSet claims, byte[] key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
