package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capflow.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: every service runs as a real process on the demo data, the page is
 * opened with a viewer token, and what it draws is checked against the API's own answers. A screenshot of the whole
 * page is kept in {@code target/screenshots/}.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    private static DemoPlatform platform;
    private static GatewayApi api;
    private static ChromeDriver browser;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "DashboardIT skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        platform = DemoPlatform.start(true);
        api = platform.api();
        browser = startChromium();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theBasketChartPlotsTheApisComparisonAndItsMetrics() {
        open();
        awaitPanel("baskets");
        assertThat(browser.getTitle()).isEqualTo("capflow dashboard");
        assertThat(browser.findElement(By.id("errors")).isDisplayed())
                .as("no error banner")
                .isFalse();

        JsonPath compare = api.request()
                .get("/api/v1/compare?a=team-google&b=team-openai")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Double> levelA = compare.getList("series.levelA", Double.class);
        List<Double> spread = compare.getList("series.spread", Double.class);
        @SuppressWarnings("unchecked")
        List<List<Number>> series =
                (List<List<Number>>) script("return capflow.charts.levels.getOption().series.map(s => s.data);");
        assertThat(series).as("levels of both baskets and their spread").hasSize(3);
        assertThat(series).allSatisfy(points -> assertThat(points).hasSize(levelA.size()));
        assertThat(levelA.size())
                .as("trading days from the 2025-10-29 base date to 2025-12-31")
                .isGreaterThan(40);
        assertThat(series.get(0).get(0).doubleValue())
                .as("rebased to 100 at the base date")
                .isEqualTo(100.0);
        assertThat(series.get(0).get(levelA.size() - 1).doubleValue()).isEqualTo(levelA.get(levelA.size() - 1));
        assertThat(series.get(2).get(levelA.size() - 1).doubleValue())
                .as("spread in percentage points")
                .isCloseTo(spread.get(spread.size() - 1) * 100, within(1e-3));

        double googleReturn = api.request()
                .get("/api/v1/baskets/team-google/performance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("metrics.totalReturn");
        WebElement metrics = browser.findElement(By.id("metrics"));
        assertThat(metrics.findElement(By.cssSelector("tbody tr:first-child")).getText())
                .startsWith("Total return")
                .contains(percent(googleReturn));
        assertThat(browser.findElements(By.cssSelector("#contributions table[data-basket='team-openai'] tbody tr")))
                .as("Team OpenAI's six members")
                .hasSize(6);
    }

    @Test
    void theRiskFreeRateAndTheReturnTypeOfTheFormReachTheMetrics() {
        open();
        awaitPanel("baskets");
        JsonPath atZero = api.request()
                .get("/api/v1/baskets/team-google/performance?returnType=TOTAL")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath atFour = api.request()
                .get("/api/v1/baskets/team-google/performance?returnType=TOTAL&riskFreeRate=0.04")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String sharpe = String.format(Locale.ROOT, "%.2f", atFour.getDouble("metrics.sharpe"));
        assertThat(sharpe)
                .as("4% moves the Sharpe ratio")
                .isNotEqualTo(String.format(Locale.ROOT, "%.2f", atZero.getDouble("metrics.sharpe")));

        WebElement rate = browser.findElement(By.cssSelector("#basket-form input[name=riskFreeRate]"));
        rate.clear();
        rate.sendKeys("4");
        new Select(browser.findElement(By.cssSelector("#basket-form select[name=returnType]"))).selectByValue("TOTAL");
        browser.findElement(By.cssSelector("#basket-form button[type=submit]")).click();

        // the table is redrawn when the answers arrive: a row read mid-redraw is stale, and read again
        new WebDriverWait(browser, PAGE_TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> metricRow(driver, "Sharpe").contains(sharpe));
        assertThat(metricRow(browser, "Total return")).contains(percent(atFour.getDouble("metrics.totalReturn")));
        assertThat(metricRow(browser, "Annualized return"))
                .as("a window under a year is not annualized")
                .contains("n/a");
    }

    private static String metricRow(WebDriver driver, String label) {
        return driver.findElements(By.cssSelector("#metrics tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> text.startsWith(label))
                .findFirst()
                .orElse("");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFundingGraphDrawsEveryEntityAndEdgeAndListsTheLoops() {
        open();
        awaitPanel("graph");
        int entities = api.request()
                .get("/api/v1/exposure/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        int edges = api.request()
                .get("/api/v1/exposure/edges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        int loops = api.request()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("loops")
                .size();

        Map<String, Object> drawn = (Map<String, Object>) script("const g = capflow.charts.graph.getOption().series[0];"
                + " return {nodes: g.data.length, links: g.links.length,"
                + " looped: g.links.filter(l => l.lineStyle.width > 2).map(l => l.id)};");
        assertThat(((Number) drawn.get("nodes")).intValue()).isEqualTo(entities);
        assertThat(((Number) drawn.get("links")).intValue()).isEqualTo(edges);
        assertThat((List<Object>) drawn.get("looped"))
                .as("the Nvidia -> OpenAI -> Oracle loop is highlighted")
                .contains("e12-nvidia-openai-investment", "e14-openai-oracle-purchase");
        assertThat(browser.findElements(By.cssSelector("#loops tbody tr"))).hasSize(loops);

        browser.findElement(By.cssSelector("#loops tbody tr:first-child")).click();
        assertThat(browser.findElements(By.cssSelector("#graph-details .sources a")))
                .as("the chosen loop's sources are linked")
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link.getAttribute("href")).startsWith("http"));
    }

    @Test
    void aStressRunFillsTheImpactTablesWithTheApisFigures() {
        open();
        awaitPanel("graph");
        new Select(browser.findElement(By.cssSelector("#stress-form select[name=entity]"))).selectByValue("openai");
        new Select(browser.findElement(By.cssSelector("#stress-form select[name=model]"))).selectByValue("DEBTRANK");
        WebElement shock = browser.findElement(By.cssSelector("#stress-form input[name=shock]"));
        shock.clear();
        shock.sendKeys("-50");
        browser.findElement(By.cssSelector("#stress-form button[name=run]")).click();
        awaitPanel("stress");

        JsonPath expected = api.request()
                .contentType(ContentType.JSON)
                .body("{\"model\": \"DEBTRANK\", \"shocks\": [{\"entity\": \"openai\", \"valueChange\": -0.5}]}")
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        double teamOpenAi = expected.getDouble("baskets.find { it.basketId == 'team-openai' }.levelChange");
        assertThat(teamOpenAi).isNegative();
        WebElement row = browser.findElement(By.cssSelector("#stress-baskets tr[data-basket='team-openai']"));
        assertThat(row.getText()).startsWith("Team OpenAI").contains(percent(teamOpenAi));
        assertThat(browser.findElements(By.cssSelector("#stress-entities tbody tr")))
                .hasSize(expected.getList("entities").size());
        assertThat(browser.findElement(By.cssSelector("#stress-entities tr[data-entity='openai']"))
                        .getText())
                .contains(percent(expected.getDouble("entities.find { it.entity == 'openai' }.relativeChange")));
        assertThat(browser.findElement(By.id("errors")).isDisplayed()).isFalse();
        screenshot("dashboard.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDateSliderRedrawsTheGraphAsItStoodThen() {
        open();
        awaitPanel("graph");
        List<String> todaysEdgeDates = api.request()
                .get("/api/v1/exposure/edges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("asOf", String.class);
        String earliest = todaysEdgeDates.stream().sorted().findFirst().orElseThrow();
        WebElement form = browser.findElement(By.id("graph-form"));
        assertThat(form.getAttribute("data-earliest"))
                .as("the slider starts at the earliest edge")
                .isEqualTo(earliest);
        assertThat(browser.findElement(By.id("graph-asof")).getText()).endsWith("(today)");

        String early = "2025-02-01";
        script("const day = document.querySelector('#graph-form input[name=day]');"
                + " day.value = String(Math.round((Date.parse('" + early + "') - Date.parse('" + earliest
                + "')) / 864e5));"
                + " day.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, PAGE_TIMEOUT)
                .until(driver -> early.equals(driver.findElement(By.id("graph")).getAttribute("data-as-of")));
        awaitPanel("graph");

        int edgesThen = api.request()
                .queryParam("asOf", early)
                .get("/api/v1/exposure/edges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        int entitiesThen = api.request()
                .queryParam("asOf", early)
                .get("/api/v1/exposure/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        int loopsThen = api.request()
                .queryParam("asOf", early)
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("loops")
                .size();
        Map<String, Object> drawn = (Map<String, Object>) script("const g = capflow.charts.graph.getOption().series[0];"
                + " return {nodes: g.data.length, links: g.links.length};");
        assertThat(((Number) drawn.get("links")).intValue())
                .as("the edges holding on " + early)
                .isEqualTo(edgesThen)
                .isLessThan(todaysEdgeDates.size());
        assertThat(((Number) drawn.get("nodes")).intValue()).isEqualTo(entitiesThen);
        assertThat(browser.findElements(By.cssSelector("#loops tbody tr"))).hasSize(loopsThen);
        assertThat(browser.findElement(By.id("graph-asof")).getText()).isEqualTo(early);
    }

    @Test
    void theStressTablesShowThePickedBasketsByImpactWithTheirLowBaseHighBand() {
        api.postJson(
                        "/baskets",
                        "{\"id\": \"dash-chips\", \"name\": \"Chip makers\", \"currency\": \"USD\","
                                + " \"baseDate\": \"2025-10-29\", \"members\": [{\"symbol\": \"NVDA\"}, {\"symbol\": \"AMD\"}]}")
                .then()
                .statusCode(201);
        open();
        awaitPanel("graph");
        awaitPanel("baskets");
        new WebDriverWait(browser, PAGE_TIMEOUT)
                .until(driver -> driver.findElements(By.cssSelector("#stress-basket-picker option"))
                                .size()
                        >= 3);
        Select picker = new Select(browser.findElement(By.id("stress-basket-picker")));
        assertThat(picker.getAllSelectedOptions())
                .extracting(option -> option.getAttribute("value"))
                .as("the compared pair by default")
                .containsExactlyInAnyOrder("team-google", "team-openai");

        runStress("DEBTRANK", "openai", "-50");
        Map<String, Map<String, Double>> byAmounts = new HashMap<>();
        for (String amounts : List.of("LOW", "BASE", "HIGH")) {
            JsonPath answer = api.postJson(
                            "/exposure/stress",
                            "{\"model\": \"DEBTRANK\", \"amounts\": \"" + amounts
                                    + "\", \"shocks\": [{\"entity\": \"openai\", \"valueChange\": -0.5}]}")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Double> levelChanges = new HashMap<>();
            for (Map<String, Object> basket : answer.<Map<String, Object>>getList("baskets")) {
                levelChanges.put((String) basket.get("basketId"), ((Number) basket.get("levelChange")).doubleValue());
            }
            byAmounts.put(amounts, levelChanges);
        }
        List<Band> shown = shownBaskets();
        assertThat(shown)
                .extracting(Band::basket)
                .containsExactly(sortedByImpact(byAmounts.get("BASE"), List.of("team-google", "team-openai"))
                        .toArray(String[]::new));
        assertBands(shown, byAmounts);
        assertThat(shown)
                .as("the LOW and HIGH amounts move some basket")
                .anySatisfy(b -> assertThat(b.low).isLessThan(b.high));

        picker.deselectAll();
        picker.selectByValue("dash-chips");
        picker.selectByValue("team-openai");
        List<Band> repicked = shownBaskets();
        assertThat(repicked)
                .extracting(Band::basket)
                .containsExactly(sortedByImpact(byAmounts.get("BASE"), List.of("dash-chips", "team-openai"))
                        .toArray(String[]::new));
        assertBands(repicked, byAmounts);
    }

    @Test
    void clearingShowsWhoDefaultsWhatItPaysAndWhatEachCreditorIsNotPaid() {
        open();
        awaitPanel("graph");
        new Select(browser.findElement(By.cssSelector("#stress-form select[name=model]"))).selectByValue("CLEARING");
        assertThat(browser.findElement(By.id("clearing-options")).isDisplayed()).isTrue();
        WebElement alpha = browser.findElement(By.cssSelector("#stress-form input[name=alpha]"));
        alpha.clear();
        alpha.sendKeys("0.5");
        runStress("CLEARING", "oracle", "-100");

        JsonPath expected = api.postJson(
                        "/exposure/stress",
                        "{\"model\": \"CLEARING\", \"shocks\": [{\"entity\":"
                                + " \"oracle\", \"valueChange\": -1}], \"options\": {\"horizonYears\": 5, \"alpha\": 0.5, \"beta\": 1}}")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<WebElement> rows = browser.findElements(By.cssSelector("#stress-clearing tbody tr"));
        assertThat(browser.findElement(By.id("stress-clearing")).isDisplayed()).isTrue();
        assertThat(rows).hasSize(expected.getList("entities").size());
        boolean defaultersDone = false;
        int defaulters = 0;
        for (WebElement row : rows) {
            String entity = row.getAttribute("data-entity");
            String figures = "entities.find { it.entity == '" + entity + "' }.clearingShocked";
            assertThat(Double.parseDouble(row.getAttribute("data-paid")))
                    .as(entity + " pays")
                    .isEqualTo(expected.getDouble(figures + ".paidUsd"));
            assertThat(Double.parseDouble(row.getAttribute("data-unpaid")))
                    .as(entity + " is not paid")
                    .isEqualTo(expected.getDouble(figures + ".unpaidReceivablesUsd"));
            boolean defaulted = expected.getBoolean(figures + ".defaulted");
            assertThat(row.getText().contains("defaults"))
                    .as(entity + " defaults")
                    .isEqualTo(defaulted);
            assertThat(defaulted && defaultersDone)
                    .as("defaulters are listed first")
                    .isFalse();
            defaultersDone |= !defaulted;
            defaulters += defaulted ? 1 : 0;
        }
        assertThat(defaulters).as("OpenAI owes far more than it has").isPositive();
        assertThat(browser.findElement(By.cssSelector("#stress-clearing tr[data-entity='openai']"))
                        .getText())
                .contains("defaults");
        screenshot("dashboard-clearing.png");
    }

    private static void runStress(String model, String entity, String shockPercent) {
        new Select(browser.findElement(By.cssSelector("#stress-form select[name=entity]"))).selectByValue(entity);
        new Select(browser.findElement(By.cssSelector("#stress-form select[name=model]"))).selectByValue(model);
        WebElement shock = browser.findElement(By.cssSelector("#stress-form input[name=shock]"));
        shock.clear();
        shock.sendKeys(shockPercent);
        browser.findElement(By.cssSelector("#stress-form button[name=run]")).click();
        awaitPanel("stress");
    }

    /** A basket row of the stress table: its BASE level change and the band over LOW, BASE and HIGH amounts. */
    private record Band(String basket, double low, double base, double high) {}

    private static List<Band> shownBaskets() {
        return browser.findElements(By.cssSelector("#stress-baskets tbody tr")).stream()
                .map(row -> new Band(
                        row.getAttribute("data-basket"),
                        Double.parseDouble(row.getAttribute("data-low")),
                        Double.parseDouble(row.getAttribute("data-base")),
                        Double.parseDouble(row.getAttribute("data-high"))))
                .toList();
    }

    /** The baskets, largest loss (most negative level change) first. */
    private static List<String> sortedByImpact(Map<String, Double> levelChanges, List<String> baskets) {
        return baskets.stream()
                .sorted(Comparator.comparingDouble(levelChanges::get))
                .toList();
    }

    private static void assertBands(List<Band> shown, Map<String, Map<String, Double>> byAmounts) {
        for (Band band : shown) {
            List<Double> changes = List.of("LOW", "BASE", "HIGH").stream()
                    .map(a -> byAmounts.get(a).get(band.basket))
                    .toList();
            assertThat(band.base).as(band.basket + " at BASE amounts").isEqualTo(changes.get(1));
            assertThat(band.low)
                    .isEqualTo(changes.stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElseThrow());
            assertThat(band.high)
                    .isEqualTo(changes.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElseThrow());
            assertThat(band.low).isLessThanOrEqualTo(band.base);
            assertThat(band.base).isLessThanOrEqualTo(band.high);
            assertThat(browser.findElement(By.cssSelector("#stress-baskets tr[data-basket='" + band.basket + "']"))
                            .getText())
                    .contains(percent(band.low) + " to " + percent(band.high));
        }
    }

    @Test
    void withoutATokenThePageSaysHowToGetOne() {
        browser.get(platform.gatewayUrl() + "/");
        script("localStorage.clear();");
        browser.navigate().refresh();
        WebElement banner = new WebDriverWait(browser, PAGE_TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(banner.getText()).contains("needs a token - run ./capflow token viewer");
    }

    /** Opens the dashboard with a viewer token in the URL, as a link handed to a colleague would. */
    private static void open() {
        browser.get(platform.gatewayUrl() + "/#token=" + TestTokens.shared().token("viewer"));
        browser.navigate().refresh();
    }

    private static void awaitPanel(String id) {
        new WebDriverWait(browser, PAGE_TIMEOUT).until(driver -> {
            String state = driver.findElement(By.id(id)).getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("panel " + id + " failed: "
                        + driver.findElement(By.id("errors")).getText());
            }
            return "ready".equals(state);
        });
    }

    private static Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private static void screenshot(String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot", e);
        }
    }

    /** As the page writes a fraction: two decimals and a percent sign. */
    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static ChromeDriver startChromium() throws Exception {
        Path profile = Files.createTempDirectory("capflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1440,2100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
