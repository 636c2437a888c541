package id.kanal.app.console;

import id.kanal.channels.media.FakeMediaServer;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.testing.MutableClock;
import id.kanal.services.complaints.ComplaintFiling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complaint page in headless Chromium: a resident's WhatsApp photo, fetched from a fake Twilio
 * media URL, drawn for an agent from Kanal's own route; the place, a neighbour 120 m away and the
 * history on the same page; and the photo refused to a browser without a session.
 */
class ComplaintPhotoBrowserTest {
    private static final String SID = "AC11111111111111111111111111111111";
    private static final String TOKEN = "browser-photo-token";
    private static final String MEDIA = "/2010-04-01/Accounts/" + SID + "/Messages/MM9/Media/ME9";
    private static final GeoPoint HERE = new GeoPoint(-6.1781, 106.6297);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static FakeMediaServer twilio;
    private static FakeMediaServer storage;
    private static ConsoleHarness kanal;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        driver = HeadlessChromium.start(profile);
        wait = new WebDriverWait(driver, DEADLINE);
        twilio = new FakeMediaServer();
        storage = new FakeMediaServer();
        kanal = new ConsoleHarness(dataDir, clock, Map.of(
                "KANAL_TWILIO_ACCOUNT_SID", SID,
                "KANAL_TWILIO_AUTH_TOKEN", TOKEN,
                "KANAL_TWILIO_API_URL", twilio.url().toString()));
        kanal.createAccount("siti", Role.AGENT);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (kanal != null) {
            kanal.close();
        }
        if (twilio != null) {
            twilio.close();
            storage.close();
        }
    }

    @Test
    void photoFromAFakeTwilioMediaUrl_shownToAnAgent_andRefusedWithoutASession() throws Exception {
        twilio.redirect(MEDIA, storage.url().resolve("/media.twiliocdn.com/ME9?Signature=s9"));
        storage.file("/media.twiliocdn.com/ME9", "image/jpeg", TestImages.jpeg(320, 240));
        String ticket = new WhatsAppResident(kanal.base(), TOKEN, "+6281355559999")
                .fileWithPhoto(twilio.url() + MEDIA, HERE.latitude(), HERE.longitude());
        // Another resident reported a broken street light 120 m north the day before.
        String neighbour = kanal.kanal().complaints().file(new ComplaintFiling("browser:1", "sms", "+6281300009999",
                "lampu-jalan", "Jl. Sudirman depan taman", "Lampu mati",
                Optional.of(new GeoPoint(HERE.latitude() + 120 / 111_195.0, HERE.longitude())), List.of(),
                "resident:sms")).ticket();

        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "siti", "siti-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));

        driver.get(kanal.base() + "/console/#/complaint/" + ticket);
        // The fetcher runs on the server's own thread: the page shows the photo once it is kept.
        WebElement img = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#complaint-photos img.complaint-photo"));
            if (found.isEmpty()) {
                d.navigate().refresh();
                return null;
            }
            return found.getFirst();
        });
        String src = "/api/console/complaints/" + ticket + "/photos/0";
        assertTrue(img.getDomAttribute("src").endsWith(src), img.getDomAttribute("src"));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() == 320);
        assertFalse(driver.getPageSource().contains(twilio.url().getAuthority()), "the provider's URL is not on the page");

        WebElement osm = driver.findElement(By.id("place-osm"));
        assertEquals("https://www.openstreetmap.org/?mlat=-6.178100&mlon=106.629700#map=18/-6.178100/106.629700",
                osm.getDomAttribute("href"));
        WebElement near = driver.findElement(By.cssSelector("#nearby li[data-ticket='" + neighbour + "']"));
        assertTrue(near.getText().startsWith("120 m"), near.getText());
        List<String> kinds = driver.findElements(By.cssSelector("#history li")).stream()
                .map(li -> li.getDomAttribute("data-kind")).toList();
        assertEquals(List.of("status", "status", "message"), kinds.subList(0, 3), kinds.toString());

        driver.findElement(By.id("note-text")).sendKeys("Foto jelas: lubang di depan pos ronda");
        driver.findElement(By.id("note-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "lubang di depan pos ronda"));
        HeadlessChromium.screenshot(driver, "complaint-photo");

        // Without a session the photo is refused: the console's error, no image, and none from the
        // browser's cache either (a call centre's computers are shared).
        driver.manage().deleteAllCookies();
        driver.get(kanal.base() + src);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "log in first"));
        HeadlessChromium.screenshot(driver, "complaint-photo-refused");
        driver.get(kanal.base() + "/console/#/complaint/" + ticket);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(driver.findElements(By.cssSelector("img.complaint-photo")).isEmpty());
    }
}
