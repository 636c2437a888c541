package id.kanal.app.console;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium for a browser test: skipped without it on a developer's machine,
 * failed without it when {@code CI} is set (the rule {@link ConsoleBrowserTest} follows), screenshots
 * under target/screenshots.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of(System.getProperty("kanal.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("kanal.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** A driver with its own profile directory; the caller quits it. */
    static WebDriver start(Path profile) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && ConsoleBrowserTest.inCi()) {
            fail("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: browser tests must run in CI");
        }
        assumeTrue(present, "browser tests skipped: install Debian's chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        // The binary and driver are given explicitly, so Selenium Manager never downloads anything.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1920,1080", "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fills the console's login form, once it shows, and sends it; the caller waits for the page it expects next. */
    static void logIn(WebDriver driver, WebDriverWait wait, String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
    }
}
