package dev.capflow.gateway.security;

import static io.restassured.RestAssured.given;

import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway trusting a JWK set, as during a key rotation (docs/deploy.md): the issuer's current key and the next
 * one, each named by its key id. A token is checked with the key its header names; another key's signature under
 * that name is a forgery.
 */
@QuarkusTest
@TestProfile(KeySetTest.OldAndNewKeys.class)
@WithTestResource(FakeIngestServer.class)
class KeySetTest {

    /** The shared test key as "2025", and a next key as "2026" whose private half nobody here holds. */
    public static class OldAndNewKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String keySet = "{\"keys\": [" + TestTokens.shared().jwk("2025") + ", "
                    + TestTokens.generate().jwk("2026") + "]}";
            return Map.of("mp.jwt.verify.publickey", keySet);
        }
    }

    /** A read whose parameter is malformed: 400 once the token is accepted, 401 before. */
    private static final String CHECKED_READ = "/api/v1/prices/NVDA/minute-bars?from=bad";

    @Test
    void aTokenNamingAKeyOfTheSetIsAcceptedAndAnotherKeysSignatureUnderThatNameIsNot() {
        given().header("Authorization", "Bearer " + TestTokens.shared().tokenWithKeyId("viewer", "2025"))
                .when()
                .get(CHECKED_READ)
                .then()
                .statusCode(400);
        given().header("Authorization", "Bearer " + TestTokens.generate().tokenWithKeyId("viewer", "2026"))
                .when()
                .get(CHECKED_READ)
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.generate().tokenWithKeyId("viewer", "2025"))
                .when()
                .get(CHECKED_READ)
                .then()
                .statusCode(401);
    }
}
