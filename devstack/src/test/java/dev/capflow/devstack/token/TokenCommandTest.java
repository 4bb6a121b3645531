package dev.capflow.devstack.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.devstack.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local key pair and the tokens {@code token} prints, checked the way the gateway checks them. */
class TokenCommandTest {

    @TempDir
    Path keys;

    private JwtConsumer gatewayCheck() throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(LocalKeys.publicKey(keys))
                .setExpectedIssuer("capflow")
                .setExpectedAudience("capflow-gateway")
                .setRequireExpirationTime()
                .build();
    }

    private String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new TokenCommand().run(List.of(args))).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void theKeyPairIsMadeOnceAndThePrivateKeyIsTheOwnersOnly() throws Exception {
        assertThat(LocalKeys.ensure(keys)).isTrue();
        String publicPem = Files.readString(keys.resolve("public.pem"));
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(keys.resolve("private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private.pem"))))
                .isEqualTo("rw-------");

        assertThat(LocalKeys.ensure(keys)).isFalse();
        assertThat(Files.readString(keys.resolve("public.pem"))).isEqualTo(publicPem);
    }

    @Test
    void aTokenCarriesTheRoleAndExpiresAfterTheTtl() throws Exception {
        String token = run("analyst", "--keys", keys.toString(), "--ttl", "2h", "--subject", "ada");

        JwtClaims claims = gatewayCheck().processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("ada");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("ada");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("analyst");
        long expiresIn = claims.getExpirationTime().getValue() - Instant.now().getEpochSecond();
        assertThat(expiresIn)
                .isBetween(
                        Duration.ofHours(2).toSeconds() - 60,
                        Duration.ofHours(2).toSeconds());
    }

    @Test
    void theDefaultLifetimeIsEightHours() throws Exception {
        String token = run("viewer", "--keys", keys.toString());
        JwtClaims claims = gatewayCheck().processToClaims(token);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(8 * 3600);
        assertThat(claims.getSubject()).isEqualTo("local-viewer");
    }

    @Test
    void aTokenFromAnotherKeyPairDoesNotVerify(@TempDir Path otherKeys) throws Exception {
        String foreign = run("admin", "--keys", otherKeys.toString());
        LocalKeys.ensure(keys);
        assertThatThrownBy(() -> gatewayCheck().processToClaims(foreign)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void anUnknownRoleOrLifetimeIsAUsageError() {
        assertThatThrownBy(() -> new TokenCommand().run(List.of("root", "--keys", keys.toString())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("viewer, analyst, ingest, admin");
        assertThatThrownBy(() -> DevTokens.parseTtl("8 hours")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> DevTokens.parseTtl("0h")).isInstanceOf(UsageException.class);
    }

    @Test
    void lifetimesReadSecondsMinutesHoursAndDays() throws Exception {
        assertThat(DevTokens.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DevTokens.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DevTokens.parseTtl("8H")).isEqualTo(Duration.ofHours(8));
        assertThat(DevTokens.parseTtl("7d")).isEqualTo(Duration.ofDays(7));
    }
}
