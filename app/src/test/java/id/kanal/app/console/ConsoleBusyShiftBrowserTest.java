package id.kanal.app.console;

import id.kanal.dialog.Channel;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A busy shift in the console, in Indonesian, in headless Chromium: an Indonesian login (and an
 * agent who prefers English), a search by the last digits of a number, an export whose rows are the
 * filtered list, a canned reply picked by its shortcut with its variables filled in, auto-assignment
 * between two agents under a cap of 2, and the supervisors' trends and overdue list. Screenshots
 * under target/screenshots (busy-*.png).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBusyShiftBrowserTest {
    private static final String REPORTER = "+6281234509876";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static ChromiumShift shift;
    private static ConsoleHarness kanal;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static InputStream rudiOnline;
    private static String rubbish;

    @BeforeAll
    static void start() throws Exception {
        shift = ChromiumShift.start(dataDir, profile, clock, Map.of("KANAL_CONSOLE_AUTO_ASSIGN_CAP", "2"));
        kanal = shift.kanal();
        driver = shift.driver();
        wait = shift.waiting();
    }

    @AfterAll
    static void stop() throws Exception {
        if (rudiOnline != null) {
            rudiOnline.close();
        }
        if (shift != null) {
            shift.close();
        }
    }

    @Test
    @Order(1)
    void indonesianLogin_andAnAgentWhoPrefersEnglish() throws Exception {
        driver.get(kanal.base() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertEquals("id", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Masuk", driver.findElement(By.cssSelector("#login-form h1")).getText());
        assertTrue(driver.findElement(By.id("login-form")).getText().contains("Nama pengguna"));
        assertEquals("Konsol Kanal", driver.getTitle());
        driver.findElement(By.id("username")).sendKeys("siti");
        driver.findElement(By.id("password")).sendKeys("salah-sandi");
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Nama pengguna atau kata sandi salah."));
        HeadlessChromium.screenshot(driver, "busy-login");
        login("siti");
        assertEquals("Menunggu agen", driver.findElement(By.cssSelector("#view h1")).getText());
        assertEquals("siti (agen)", driver.findElement(By.id("who")).getText());
        assertTrue(driver.findElement(By.id("nav")).getText().contains("Pengaduan"));

        // English for this account: the page switches at once, and the choice outlives this browser's memory.
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Waiting for an agent"));
        assertTrue(driver.findElement(By.id("nav")).getText().contains("Complaints"));
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Waiting for an agent"));
        assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        new Select(driver.findElement(By.id("language"))).selectByValue("id");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Menunggu agen"));
    }

    @Test
    @Order(2)
    void searchByTheLastDigitsOfAPhoneNumber() throws Exception {
        rubbish = file(REPORTER, "lapor sampah", "Jl. Merdeka 5", "Sampah menumpuk di depan pasar");
        file("+6281377770001", "lapor sampah", "Pasar Anyar", "Sampah di pasar belum diangkut");
        file("+6281377770002", "lapor jalan berlubang", "Jl. Daan Mogot", "Lubang besar dekat halte");

        WebElement box = driver.findElement(By.id("search-text"));
        box.sendKeys("9876" + Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("#/search/9876"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#search-complaints tbody tr"), 1));
        assertEquals(rubbish, driver.findElement(By.cssSelector("#search-complaints tbody tr")).getDomAttribute("data-ticket"));
        assertEquals(1, driver.findElements(By.cssSelector("#search-conversations tr[data-key='sms/" + REPORTER + "']")).size());
        assertEquals("1 pengaduan, 1 percakapan", driver.findElement(By.id("search-summary")).getText());
        assertTrue(driver.findElement(By.id("search-complaints")).getText().contains("Diteruskan ke dinas"));
        HeadlessChromium.screenshot(driver, "busy-search");
    }

    @Test
    @Order(3)
    void exportHoldsTheRowsOfTheFilteredList() throws Exception {
        driver.get(kanal.base() + "/console/#/complaints");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-category")))).selectByValue("sampah");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#complaints-table tbody tr"), 2));
        assertEquals(tableTickets(), exportedTickets(), "category sampah");
        driver.findElement(By.id("f-q")).sendKeys("pasar diangkut" + Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#complaints-table tbody tr"), 1));
        List<List<String>> rows = exported();
        assertEquals(tableTickets(), rows.stream().skip(1).map(r -> r.get(0)).toList(), "category and words");
        assertEquals("Tiket", rows.get(0).get(0));
        assertTrue(rows.get(1).get(7).matches("'\\+6281\\*+001"), "an agent's export masks numbers: " + rows.get(1));
        HeadlessChromium.screenshot(driver, "busy-complaints-filtered");
    }

    @Test
    @Order(4)
    void cannedReplyPickedByShortcut_withItsVariablesFilled() throws Exception {
        var lead = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(201, lead.post("/canned", Map.of("title", "Status laporan", "shortcut", "st",
                "body", "Laporan {tiket} {status}. Salam, {agen}.",
                "bodyEn", "Report {tiket} is {status}. Regards, {agen}.")).statusCode());
        assertEquals(201, lead.post("/canned", Map.of("title", "Salam pembuka", "shortcut", "sa",
                "body", "Selamat siang, saya {agen}. Ada yang bisa dibantu?")).statusCode());

        // Siti is the only agent online: the resident who asks for a person is hers at once.
        driver.get(kanal.base() + "/console/#/queue");
        assertEquals(200, kanal.sms(REPORTER, "petugas").statusCode());
        By mine = By.cssSelector("#owned-table tr.mine[data-key='sms/" + REPORTER + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(mine));
        // Nobody clicked: the console tells her, wherever she is.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"),
                "Percakapan baru untuk Anda: SMS " + REPORTER));
        driver.findElement(mine).findElement(By.tagName("a")).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
        reply.sendKeys("/s");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#canned-suggestions li"), 2));
        HeadlessChromium.screenshot(driver, "busy-canned-suggestions");
        reply.sendKeys("t" + Keys.TAB);
        String expected = "Laporan " + rubbish + " diteruskan ke dinas. Salam, Siti.";
        wait.until(d -> expected.equals(reply.getDomProperty("value")));
        assertFalse(driver.findElement(By.id("canned-suggestions")).isDisplayed());
        HeadlessChromium.screenshot(driver, "busy-canned-reply");
        clock.advance(Duration.ofSeconds(5));
        driver.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), expected));
        until(() -> shift.twilio().accepted().stream().anyMatch(m -> REPORTER.equals(m.get("To")) && expected.equals(m.get("Body"))));
    }

    @Test
    @Order(5)
    void autoAssignment_twoAgents_underACapOfTwo_manualTakeStillExclusive() throws Exception {
        rudiOnline = kanal.online(kanal.login("rudi", "rudi-password"));
        driver.get(kanal.base() + "/console/#/queue");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
        // Siti has one open conversation, Rudi none.
        assertEquals("rudi", ask("+6281355550001"), "the fewest open conversations");
        assertEquals("rudi", ask("+6281355550002"), "a tie (1 and 1) goes by name");
        assertEquals("siti", ask("+6281355550003"));
        // Both at the cap: the next resident waits in the queue for a manual take.
        kanal.resident(Channel.SMS, "+6281355550004", "petugas");
        By waiting = By.cssSelector("#queue-table tr[data-key='sms/+6281355550004']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(waiting));
        assertEquals("queued", kanal.kanal().database().read(c -> {
            try (var ps = c.prepareStatement("SELECT mode FROM conversation WHERE address = '+6281355550004'");
                 var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }));
        HeadlessChromium.screenshot(driver, "busy-auto-assign");
        assertEquals(409, kanal.login("rudi", "rudi-password").post("/conversations/sms/+6281355550003/take", Map.of())
                .statusCode(), "siti's conversation is hers alone");
        driver.findElement(waiting).findElement(By.className("take")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conv-status"), "Dilayani siti"));
    }

    @Test
    @Order(6)
    void supervisorsSeeWeeklyTrendsAndWorkFromTheOverdueList() throws Exception {
        clock.advance(Duration.ofDays(4)); // rubbish is due in 3 days: both rubbish complaints are late now
        driver.get(kanal.base() + "/console/#/dashboard");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("to-trends"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#overdue-table tbody tr"), 2));
        assertEquals(9, driver.findElements(By.cssSelector("#trends-table thead th")).size() - 1, "agency, 8 weeks, trend");
        String dlh = driver.findElement(By.cssSelector("#trends-table tr[data-agency='dlh']")).getText();
        assertTrue(dlh.contains("2 / 0"), dlh);
        assertTrue(driver.findElement(By.id("overdue-table")).getText().contains("hari"));
        HeadlessChromium.screenshot(driver, "busy-trends");
        driver.findElement(By.cssSelector("#overdue-table tbody tr a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-status")));
    }

    /** A resident asks for a person; answers who the conversation went to, as the queue page shows it. */
    private static String ask(String number) {
        kanal.resident(Channel.SMS, number, "petugas");
        By row = By.cssSelector("#owned-table tr[data-key='sms/" + number + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        return driver.findElement(row).findElements(By.tagName("td")).get(3).getText();
    }

    private static void login(String user) {
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement password = driver.findElement(By.id("password"));
        password.clear();
        password.sendKeys(user + "-password");
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
    }

    private static List<String> tableTickets() {
        return driver.findElements(By.cssSelector("#complaints-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-ticket")).toList();
    }

    private static List<String> exportedTickets() {
        return exported().stream().skip(1).map(r -> r.get(0)).toList();
    }

    /** The export link's file, fetched by the page with the agent's session, as its download would be. */
    private static List<List<String>> exported() {
        String href = driver.findElement(By.id("complaints-export")).getDomAttribute("href");
        String body = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], { credentials: 'same-origin' }).then((r) => r.text()).then(done);", href);
        List<List<String>> rows = ConsoleBusyShiftTest.csv(body);
        assertFalse(rows.isEmpty(), href + " answered: " + body);
        return rows;
    }

    private static String file(String from, String... texts) {
        return kanal.fileComplaint(from, texts);
    }

    private static void until(java.util.function.Supplier<Boolean> condition) {
        wait.until(d -> condition.get());
    }
}
