package id.kanal.app.console;

import id.kanal.dialog.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver; skipped when absent):
 * one agent's shift, from login to a status change, with screenshots under target/screenshots.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String RESIDENT = "+6281298765432";
    private static final String REPORTER = "+6281311112222";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    private static ConsoleHarness kanal;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        kanal = new ConsoleHarness(dataDir, Clock.systemUTC(), Map.of());
        kanal.createAccount("siti", Role.AGENT);
        ChromeOptions options = new ChromeOptions();
        // The binary and driver are given explicitly, so Selenium Manager never downloads anything.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, DEADLINE);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (kanal != null) {
            kanal.close();
        }
    }

    @Test
    void agentShift_loginQueueTakeAnswerComplaintDashboard() throws Exception {
        // A resident files a complaint by SMS before the shift starts.
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut seminggu", "ya")) {
            assertEquals(200, kanal.sms(REPORTER, t).statusCode());
        }

        driver.get(kanal.base() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("siti");
        driver.findElement(By.id("password")).sendKeys("siti-password");
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "class", "live on"));

        // A real signed SMS asks for an agent; the queue shows it without a reload.
        assertEquals(200, kanal.sms(RESIDENT, "petugas").statusCode());
        assertEquals(200, kanal.sms(RESIDENT, "<script>alert(1)</script>").statusCode());
        By row = By.cssSelector("#queue-table tr[data-key='sms/" + RESIDENT + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "<script>alert(1)</script>"));
        assertTrue(driver.findElement(row).getText().contains("asked for an agent"));
        screenshot("queue");

        driver.findElement(row).findElement(By.className("take")).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "<script>alert(1)</script>"));
        assertTrue(driver.findElements(By.cssSelector("#transcript script")).isEmpty(), "resident text stays text");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

        reply.sendKeys("Halo \uD83D\uDE00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "UCS-2"));
        reply.clear();
        reply.sendKeys("Selamat siang, saya Siti. Sampahnya kami cek hari ini.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "GSM-7"));
        assertTrue(driver.findElement(By.id("reply-counter")).getText().contains("1 segment"));
        driver.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Sampahnya kami cek"));
        until(() -> kanal.outbox(RESIDENT).stream().anyMatch(m -> m.get("body").equals(
                "Selamat siang, saya Siti. Sampahnya kami cek hari ini.") && m.get("channel").equals("sms")));
        screenshot("conversation");

        // A status change on the complaint queues the reporter's notification.
        driver.get(kanal.base() + "/console/#/complaints");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#complaints-table a"))).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-select"))))
                .selectByValue("IN_PROGRESS");
        driver.findElement(By.id("status-note")).sendKeys("Truk dijadwalkan besok pagi");
        driver.findElement(By.id("status-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("complaint-status"), "In progress"));
        until(() -> kanal.outbox(REPORTER).stream().anyMatch(m -> m.get("kind").equals("status-change")
                && m.get("body").toString().contains("Truk dijadwalkan besok pagi")));
        screenshot("complaint");

        driver.get(kanal.base() + "/console/#/dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-waiting")));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("svg.chart rect"), 3));
        screenshot("dashboard");

        // The simulator talks through the same engine.
        driver.get(kanal.base() + "/console/#/simulator");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sim-text"))).sendKeys("halo");
        driver.findElement(By.id("sim-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-screen"), "1 Lapor"));
        screenshot("simulator");
        assertFalse(kanal.resident(Channel.SMS, "+6281200000001", "menu").isEmpty());
    }

    private static void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits on a condition outside the page (the database), with the same deadline. */
    private static void until(Supplier<Boolean> condition) {
        wait.until(d -> condition.get());
    }
}
