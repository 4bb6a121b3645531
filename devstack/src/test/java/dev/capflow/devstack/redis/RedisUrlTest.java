package dev.capflow.devstack.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void parsesHostAndPortWithDefaults() {
        assertThat(RedisUrl.parse("redis://127.0.0.1:6380"))
                .isEqualTo(new RedisUrl(false, null, null, "127.0.0.1", 6380, 0));
        assertThat(RedisUrl.parse("redis://cache")).isEqualTo(new RedisUrl(false, null, null, "cache", 6379, 0));
    }

    @Test
    void parsesCredentialsDatabaseAndTls() {
        assertThat(RedisUrl.parse("rediss://app:p%40ss@cache:6390/3"))
                .isEqualTo(new RedisUrl(true, "app", "p@ss", "cache", 6390, 3));
        assertThat(RedisUrl.parse("redis://:secret@cache/1"))
                .isEqualTo(new RedisUrl(false, null, "secret", "cache", 6379, 1));
    }

    @Test
    void neverShowsThePassword() {
        assertThat(RedisUrl.parse("redis://:secret@cache/1").toString()).isEqualTo("redis://***@cache:6379/1");
        assertThatThrownBy(() -> RedisUrl.parse("http://:secret@cache"))
                .hasMessageContaining("not of the form redis://host:port")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsMissingHostAndBadDatabase() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> RedisUrl.parse("redis:///0")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> RedisUrl.parse("redis://cache/x")).hasMessageContaining("names database 'x'");
    }

    @Test
    void encodesCommandsAsRespArrays() {
        assertThat(new String(RedisPing.encode(List.of("AUTH", "pä")), StandardCharsets.UTF_8))
                .isEqualTo("*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n");
    }
}
