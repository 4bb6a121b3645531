package dev.capflow.gateway.rest;

import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The gateway with a real Redis behind a proxy that tests can cut and restore. */
public class AnswerCacheProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresRedisResource.class, Map.of("redis-db", "4")),
                new TestResourceEntry(RedisProxyResource.class));
    }

    /** The same with the short downstream deadlines of {@link ShortDeadlinesProfile}. */
    public static class WithShortDeadlines extends AnswerCacheProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return ShortDeadlinesProfile.SHORT_DEADLINES;
        }
    }
}
