package id.kanal.app.console;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium (chromium and chromium-driver) for the console's browser tests, with
 * screenshots under target/screenshots. Without Chromium a test is skipped on a developer's
 * machine, and fails when {@code CI} is set, so that CI cannot pass without having run it.
 */
final class HeadlessChromium {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Debian's paths; the properties exist to check the CI rule without uninstalling anything. */
    private static final Path CHROMIUM = Path.of(System.getProperty("kanal.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("kanal.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A driver at 1400x1000 with a fresh profile, or the test skipped (or failed in CI) without Chromium. */
    static WebDriver start(Path profile) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && inCi()) {
            fail("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: the console's browser tests "
                    + "must run in CI (.ci/run installs Debian's chromium and chromium-driver)");
        }
        assumeTrue(present, "browser tests skipped: install Debian's chromium and chromium-driver "
                + "(/usr/bin/chromium, /usr/bin/chromedriver)");
        ChromeOptions options = new ChromeOptions();
        // The binary and driver are given explicitly, so Selenium Manager never downloads anything.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
