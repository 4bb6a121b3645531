package dev.capflow.ingest.stooq;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.Instrument;
import dev.capflow.ingest.domain.InstrumentKind;
import dev.capflow.ingest.service.InstrumentService;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
@QuarkusTestResource(StooqWireMockResource.class)
class StooqPollerTest {

    @Inject
    StooqPoller poller;

    @Inject
    InstrumentService instruments;

    @Inject
    Scheduler scheduler;

    @Inject
    StooqClient client;

    @Test
    void theEnabledPollerIsScheduledAtItsInterval() {
        Trigger job = scheduler.getScheduledJob("stooq-poller");
        assertThat(job).isNotNull();
        assertThat(job.getNextFireTime()).isBefore(Instant.now().plusSeconds(3_601));
    }

    @Test
    void aDownloadCutOffMidConnectionIsRetried() {
        String csv = client.dailyCsv("FLAKY").await().atMost(Duration.ofSeconds(10));
        assertThat(csv).isEqualTo(StooqWireMockResource.STQ_CSV);
        StooqWireMockResource.server.verify(2, getRequestedFor(urlEqualTo("/q/d/l/?s=flaky.us&i=d")));
    }

    @Test
    void anHttpErrorIsNotRetried() {
        assertThatThrownBy(() -> client.dailyCsv("MISSING").await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("404");
        StooqWireMockResource.server.verify(1, getRequestedFor(urlEqualTo("/q/d/l/?s=missing.us&i=d")));
    }

    @Test
    void storesTheDownloadedBarsAndReportsThemAsDuplicatesOnTheNextPoll() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> instruments.upsert(
                new Instrument("STQ", "Stooq test", "USD", "NASDAQ", InstrumentKind.EQUITY, null, 0), null));

        // the scheduled startup poll may have run already: either way, three bars are stored once
        Map<String, IngestResult> first = poller.pollAll();
        assertThat(first).containsOnlyKeys("STQ"); // GONE answered 404: logged and left out
        assertThat(first.get("STQ").accepted() + first.get("STQ").duplicates()).isEqualTo(3);
        assertThat(first.get("STQ").rejected()).isEmpty();
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*), max(close), sum(volume) FROM ingest.daily_bar WHERE symbol = 'STQ'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
            assertThat(rows.getDouble(2)).isEqualTo(207.04);
            assertThat(rows.getLong(3)).isEqualTo(153_452_700L + 297_986_200L + 308_829_600L);
        }

        Map<String, IngestResult> second = poller.pollAll();
        assertThat(second.get("STQ").accepted()).isZero();
        assertThat(second.get("STQ").duplicates()).isEqualTo(3);
        StooqWireMockResource.server.verify(moreThanOrExactly(2), getRequestedFor(urlEqualTo("/q/d/l/?s=stq.us&i=d")));
    }
}
