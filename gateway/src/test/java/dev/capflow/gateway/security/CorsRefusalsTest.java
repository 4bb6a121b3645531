package dev.capflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsRefusalsTest {

    private static final HostAndPort GATEWAY = HostAndPort.create("localhost", 8080);

    @Test
    void withoutConfiguredOriginsOnlyTheGatewaysOwnOriginPasses() {
        CorsRefusals refusals = new CorsRefusals(true, Optional.empty());

        assertThat(refusals.allowed("https://evil.example", GATEWAY)).isFalse();
        assertThat(refusals.allowed("http://localhost:8080", GATEWAY)).isTrue();
    }

    @Test
    void configuredOriginsAndTheWildcardPass() {
        assertThat(new CorsRefusals(true, Optional.of(List.of("http://localhost:5173")))
                        .allowed("http://localhost:5173", GATEWAY))
                .isTrue();
        assertThat(new CorsRefusals(true, Optional.of(List.of("*"))).allowed("https://any.example", GATEWAY))
                .isTrue();
        assertThat(new CorsRefusals(true, Optional.of(List.of("http://localhost:5173")))
                        .allowed("https://evil.example", GATEWAY))
                .isFalse();
    }
}
