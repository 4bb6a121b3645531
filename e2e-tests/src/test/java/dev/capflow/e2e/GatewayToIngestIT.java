package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.capflow.devstack.demo.YahooCsv;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform end to end: real gateway and ingest-service processes on a real PostgreSQL and Redis,
 * driven only through the public REST API, with stored rows checked in PostgreSQL.
 */
class GatewayToIngestIT {

    private static Datastores stores;
    private static ServiceProcess ingest;
    private static ServiceProcess gateway;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatform() {
        stores = Datastores.start(3);
        StackEnvironment stack = ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service", "gateway");
        ingest = ServiceEnv.start(stack, "ingest-service");
        gateway = ServiceEnv.start(stack, "gateway");
        api = new GatewayApi(gateway);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        gateway.close();
        ingest.close();
        stores.close();
    }

    @Test
    void demoCsvIsStoredOnceAndItsOctoberBarsReadBackWithTheFilesCloses() throws Exception {
        Path demoFile = ProjectRoot.path().resolve("demo/prices/NVDA.csv");
        List<String[]> demoRows = Files.readAllLines(demoFile).stream()
                .skip(1)
                .map(line -> line.split(","))
                .toList();
        List<String> demoDates = demoRows.stream().map(row -> row[0]).toList();
        assertThat(demoRows).hasSize(85);
        String csv = YahooCsv.fromDemoFile("NVDA.csv", Files.readString(demoFile));
        api.registerEquity("NVDA");

        JsonPath first = importCsv("NVDA", csv).then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("symbol")).isEqualTo("NVDA");
        assertThat(first.getString("layout")).isEqualTo("YAHOO");
        assertThat(first.getInt("rowsTotal")).isEqualTo(85);
        assertThat(first.getInt("accepted")).isEqualTo(85);
        assertThat(first.getInt("duplicates")).isZero();
        assertThat(first.getList("rejected")).isEmpty();
        assertThat(storedBarDates("NVDA")).containsExactlyElementsOf(demoDates);

        JsonPath again = importCsv("NVDA", csv).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(85);
        assertThat(storedBarDates("NVDA"))
                .as("a resent file stores nothing twice")
                .containsExactlyElementsOf(demoDates);

        Tuple[] octoberInFile = demoRows.stream()
                .filter(row -> row[0].startsWith("2025-10"))
                .map(row -> tuple(row[0], Double.parseDouble(row[1])))
                .toArray(Tuple[]::new);
        JsonPath october = api.request()
                .queryParam("from", "2025-10-01")
                .queryParam("to", "2025-10-31")
                .get("/api/v1/prices/NVDA/bars")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(october.getString("symbol")).isEqualTo("NVDA");
        assertThat(october.getString("adjustment")).isEqualTo("NONE");
        List<Map<String, Object>> bars = october.getList("bars");
        assertThat(bars).hasSize(23);
        assertThat(bars)
                .as("October bars with the file's closes")
                .extracting(bar -> bar.get("date"), bar -> bar.get("close"))
                .containsExactly(octoberInFile);
    }

    @Test
    void csvWithBadRowsStoresTheGoodOnesAndNamesEveryBadRowAndField() throws Exception {
        api.registerEquity("AMD");
        String csv = """
                Date,Open,High,Low,Close,Adj Close,Volume
                2025-10-01,160.0,165.0,158.0,164.0,164.0,1000
                2025-10-02,164.0,166.0,163.0,NaN,NaN,1000
                2025-10-03,-5.0,166.0,163.0,165.0,165.0,1000
                2025-10-06,165.0,166.0,164.0,170.0,170.0,1000
                2025-13-07,170.0,171.0,169.0,170.5,170.5,1000
                2025-10-08,170.0,171.0,169.0
                2099-01-02,170.0,171.0,169.0,170.5,170.5,1000
                2025-10-09,170.0,172.0,169.0,171.0,171.0,1000
                2025-10-10,171.0,173.0,170.0,172.5,172.5,1000
                """;

        JsonPath report = importCsv("AMD", csv).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("rowsTotal")).isEqualTo(9);
        assertThat(report.getInt("accepted")).isEqualTo(3);
        assertThat(report.getInt("duplicates")).isZero();
        List<Map<String, Object>> rejected = report.getList("rejected");
        assertThat(rejected)
                .extracting(r -> r.get("row"), r -> r.get("field"))
                .containsExactly(
                        tuple(3, "close"),
                        tuple(4, "open"),
                        tuple(5, "high"),
                        tuple(6, "date"),
                        tuple(7, "record"),
                        tuple(8, "date"));
        assertThat(rejected)
                .extracting(r -> (String) r.get("reason"))
                .satisfiesExactly(
                        nan -> assertThat(nan).contains("NaN"),
                        negative -> assertThat(negative).contains("-5.0"),
                        high -> assertThat(high).contains("high 166.0 is below"),
                        date -> assertThat(date).contains("2025-13-07"),
                        columns -> assertThat(columns).contains("expected 7 columns, got 4"),
                        future -> assertThat(future).contains("in the future"));
        assertThat(storedBarDates("AMD")).containsExactly("2025-10-01", "2025-10-09", "2025-10-10");
    }

    @Test
    void csvWithMoreBadRowsThanTheDetailCapCountsThemAllAndKeepsTheGoodRow() throws Exception {
        api.registerEquity("INTC");
        String badRows = badRows(1_500);

        JsonPath oneGood = importCsv("INTC", badRows + "2025-10-01,20.0,21.0,19.5,20.5,20.5,1000\n")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(oneGood.getInt("accepted")).isEqualTo(1);
        assertThat(oneGood.getInt("rowsTotal")).isEqualTo(1_501);
        assertThat(oneGood.getList("rejected")).hasSize(1_000);
        assertThat(oneGood.getInt("rejectedCount")).isEqualTo(1_500);
        assertThat(oneGood.getInt("rejectionsOmitted")).isEqualTo(500);
        assertThat(storedBarDates("INTC")).containsExactly("2025-10-01");

        importCsv("INTC", badRows)
                .then()
                .statusCode(422)
                .body("detail", equalTo("all 1500 records were rejected; see rejected for the reasons"))
                .body("rejectedCount", equalTo(1_500))
                .body("rejectionsOmitted", equalTo(500))
                .body("rejected.size()", equalTo(1_000));
    }

    /** A Yahoo header and {@code count} rows whose date is not a date. */
    private static String badRows(int count) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (int i = 0; i < count; i++) {
            csv.append("not-a-date-").append(i).append(",20.0,21.0,19.5,20.5,20.5,1000\n");
        }
        return csv.toString();
    }

    @Test
    void jsonBarsWithBadElementsAreReportedAtTheirPositionsInTheRequestArray() throws Exception {
        api.registerEquity("MSFT");
        Response response = api.postJson("/prices/bars", """
                [
                  {"symbol": "MSFT", "date": "2025-10-01", "open": 515.0, "high": 520.0, "low": 512.0, "close": 519.5, "volume": 100},
                  "not a bar",
                  {"symbol": "MSFT", "date": "2025-10-02", "open": "515.0", "high": 520.0, "low": 512.0, "close": 519.5},
                  {"symbol": "MSFT", "date": "2025-10-03", "open": 515.0, "high": 516.0, "low": 512.0, "close": 519.5},
                  {"symbol": "MSFT", "date": "2025-10-06", "open": 519.0, "high": 530.0, "low": 518.0, "close": 528.6, "volume": 200},
                  {"symbol": "NOSUCH", "date": "2025-10-06", "open": 1.0, "high": 1.0, "low": 1.0, "close": 1.0}
                ]""");

        JsonPath report = response.then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("accepted")).isEqualTo(2);
        assertThat(report.getInt("duplicates")).isZero();
        List<Map<String, Object>> rejected = report.getList("rejected");
        // 1 and 2 are refused by the gateway itself, 3 and 5 by ingest-service at its positions 1 and 3
        assertThat(rejected)
                .extracting(r -> r.get("index"), r -> r.get("field"))
                .containsExactly(tuple(1, "record"), tuple(2, "open"), tuple(3, "high"), tuple(5, "symbol"));
        assertThat((String) rejected.get(3).get("reason")).contains("NOSUCH");
        assertThat(storedBarDates("MSFT")).containsExactly("2025-10-01", "2025-10-06");
    }

    @Test
    void latestPriceIsTheNewestTickElseTheNewestDailyClose() {
        api.registerEquity("ORCL");
        api.registerEquity("UNPRICED");
        api.postJson("/prices/bars", """
                [{"symbol": "ORCL", "date": "2025-10-01", "open": 280.0, "high": 285.0, "low": 279.0, "close": 283.25},
                 {"symbol": "ORCL", "date": "2025-10-02", "open": 283.0, "high": 290.0, "low": 282.0, "close": 288.5}]""").then().statusCode(200).body("accepted", equalTo(2));

        JsonPath fromClose = latest("UNPRICED,ORCL");
        assertThat(fromClose.getList("symbol"))
                .as("symbols without a price are left out")
                .containsExactly("ORCL");
        assertThat(fromClose.getDouble("[0].price")).isEqualTo(288.5);
        assertThat(fromClose.getString("[0].ts")).isEqualTo("2025-10-02T00:00:00Z");
        assertThat(fromClose.getString("[0].source")).isEqualTo("DAILY_CLOSE");

        api.postJson("/prices/ticks", """
                [{"symbol": "ORCL", "ts": "2025-10-02T15:30:00-04:00", "price": 289.75, "size": 300}]""")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", empty());
        JsonPath fromTick = latest("ORCL");
        assertThat(fromTick.getDouble("[0].price")).isEqualTo(289.75);
        assertThat(fromTick.getString("[0].ts")).isEqualTo("2025-10-02T19:30:00Z");
        assertThat(fromTick.getString("[0].source")).isEqualTo("TICK");
    }

    @Test
    void barsOfAnUnknownSymbolAreA404Problem() {
        api.request()
                .get("/api/v1/prices/NOSUCH/bars")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:capflow:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/prices/NOSUCH/bars"));
    }

    private static Response importCsv(String symbol, String csv) {
        return api.request()
                .contentType("text/csv")
                .queryParam("symbol", symbol)
                .body(csv)
                .post("/api/v1/prices/csv");
    }

    private static JsonPath latest(String symbols) {
        return api.request()
                .queryParam("symbols", symbols)
                .get("/api/v1/prices/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The dates of the bars stored for {@code symbol}, oldest first, read from PostgreSQL. */
    private static List<String> storedBarDates(String symbol) throws SQLException {
        try (Connection connection = stores.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT date FROM ingest.daily_bar WHERE symbol = ? ORDER BY date")) {
            query.setString(1, symbol);
            List<String> dates = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dates.add(rows.getString(1));
                }
            }
            return dates;
        }
    }
}
