package id.kanal.app.console;

import id.kanal.dialog.Channel;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LIVE Room page on a wall screen and on a phone, updated in place by its event stream, and the console's
 * agency move as a supervisor uses it, in headless Chromium (screenshots under target/screenshots).
 */
class LiveRoomBrowserTest {
    @TempDir
    Path dataDir;
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
        kanal = new ConsoleHarness(dataDir, clock, Map.of());
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
    void board_readsOnAWallAndAPhone_andRefreshesInPlace() throws Exception {
        driver.get(kanal.base() + "/live/kota-tangerang");
        By waiting = By.cssSelector(".tile.waiting .value");
        assertEquals("0", wait.until(ExpectedConditions.visibilityOfElementLocated(waiting)).getText());
        HeadlessChromium.screenshot(driver, "live-wall");

        wait.until(d -> "stream".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.live")));

        // A new complaint reaches the open page through its event stream, without a reload: the
        // page is the same document (the marker set on it stays), only the figures changed.
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true");
        fileComplaint("+6281344440001", "lapor sampah", "Jl. Kenari 12", "Sampah tidak diangkut");
        clock.advance(Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBe(waiting, "1"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded === true"));

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(waiting, "1"));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(((Number) overflow).longValue() <= 0, "no sideways scrolling on a phone: " + overflow);
        HeadlessChromium.screenshot(driver, "live-phone");
    }

    @Test
    void supervisor_movesAComplaintToAnotherAgency_withAReason() throws Exception {
        fileComplaint("+6281344440002", "lapor sampah", "Jl. Cemara 3", "Sampah menutup saluran");
        String ticket = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD).json(kanal.login("admin",
                ConsoleHarness.ADMIN_PASSWORD).get("/complaints")).get(0).get("ticket").asText();
        kanal.createAccount("dewi", Role.SUPERVISOR);
        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "dewi", "dewi-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        driver.get(kanal.base() + "/console/#/complaint/" + ticket);
        Select agency = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("move-agency"))));
        wait.until(d -> agency.getOptions().size() > 1);
        agency.selectByValue("pupr");
        driver.findElement(By.id("move-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "alasan"));
        driver.findElement(By.id("move-reason")).sendKeys("Saluran jalan, urusan PUPR");
        driver.findElement(By.id("move-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Dinas PUPR"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agency-moves"), "Saluran jalan, urusan PUPR"));
        assertTrue(driver.findElement(By.id("agency-moves")).getText().contains("Dinas Lingkungan Hidup → Dinas PUPR"));
        HeadlessChromium.screenshot(driver, "complaint-moved");
    }

    private void fileComplaint(String from, String... texts) {
        for (String t : texts) {
            kanal.resident(Channel.SMS, from, t);
        }
        kanal.resident(Channel.SMS, from, "ya");
    }
}
