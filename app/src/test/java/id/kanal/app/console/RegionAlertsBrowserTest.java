package id.kanal.app.console;

import id.kanal.dialog.testing.MutableClock;
import id.kanal.store.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Alerts page in a deployment of two regions, in headless Chromium: the first admin (every
 * region) picks the Kabupaten and sends to one of its kecamatan, reaching its subscriber only; a
 * Kabupaten supervisor sees no selector, only its own region's areas.
 */
class RegionAlertsBrowserTest {
    private static final String KAB = "kabupaten-tangerang";
    @TempDir
    Path dataDir;
    @TempDir
    Path regionsDir;
    @TempDir
    Path profile;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private ConsoleHarness kanal;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        driver = HeadlessChromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        ConsoleHarness.dropInKabupaten(regionsDir);
        kanal = new ConsoleHarness(dataDir, clock, Map.of("KANAL_REGIONS_DIR", regionsDir.toString()));
        assertEquals(200, kanal.sms("+6281322220031", "+6221500222", "DAFTAR BANJIR Cikupa").statusCode());
        assertEquals(200, kanal.sms("+6281322220032", "+6221500123", "DAFTAR BANJIR Sukasari").statusCode());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (kanal != null) {
            kanal.close();
        }
    }

    @Test
    void everyRegionAdmin_picksTheKabupaten_andSendsToItsKecamatan() throws Exception {
        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "admin", ConsoleHarness.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-alerts"))).click();
        Select region = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-region"))));
        assertEquals(List.of("Kabupaten Tangerang", "Kota Tangerang"),
                region.getOptions().stream().map(WebElement::getText).sorted().toList());
        region.selectByValue(KAB);
        new Select(driver.findElement(By.id("alert-kind"))).selectByValue("kecamatan");
        wait.until(d -> areaOptions().equals(List.of("Cikupa", "Curug")));
        new Select(driver.findElement(By.id("alert-area"))).selectByValue("Cikupa");
        driver.findElement(By.id("alert-text")).sendKeys("Banjir di Cikupa, hindari Jl. Raya Serang.");
        driver.findElement(By.id("alert-estimate-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-estimate"), "1 "));
        ((JavascriptExecutor) driver).executeScript("window.confirm = () => true");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("alert-send"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-table"), "kecamatan Cikupa"));
        HeadlessChromium.screenshot(driver, "alerts-region");
        assertEquals(List.of("+6281322220031@" + KAB), kanal.kanal().database().read(c -> Statements.list(c,
                "SELECT address FROM outbox WHERE kind = 'area-alert'", rs -> rs.getString(1))));
    }

    @Test
    void regionSupervisor_seesNoSelector_onlyItsAreas() throws Exception {
        HttpResponse<String> made = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD).post("/accounts", Map.of(
                "username", "kablead", "role", "supervisor", "password", "kablead-password", "region", KAB));
        assertEquals(201, made.statusCode(), made.body());
        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "kablead", "kablead-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-alerts"))).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-kind")))).selectByValue("kecamatan");
        wait.until(d -> areaOptions().equals(List.of("Cikupa", "Curug")));
        assertFalse(driver.findElement(By.id("alert-region")).isDisplayed(), "one region: nothing to pick");
    }

    private List<String> areaOptions() {
        return driver.findElements(By.cssSelector("#alert-area option")).stream().map(WebElement::getText).sorted().toList();
    }
}
