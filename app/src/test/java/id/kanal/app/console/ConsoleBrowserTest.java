package id.kanal.app.console;

import id.kanal.channels.twilio.FakeTwilio;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver) driven by Selenium,
 * against a real server whose outbox delivers to a fake Twilio on loopback: one agent's shift,
 * from login to a status change, with screenshots under target/screenshots. Without Chromium the
 * test is skipped on a developer's machine, and fails when {@code CI} is set, so that CI cannot
 * pass without having run it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String RESIDENT = "+6281298765432";
    private static final String REPORTER = "+6281311112222";
    private static final String WHATSAPP_RESIDENT = "+6281355556666";
    private static final String TEMPLATE = "HX0123456789abcdef0123456789abcdef";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    /** The server's clock: the test moves it so that waits, medians and the WhatsApp window are real figures. */
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static ChromiumShift shift;
    private static FakeTwilio twilio;
    private static ConsoleHarness kanal;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        shift = ChromiumShift.start(dataDir, profile, clock, Map.of());
        twilio = shift.twilio();
        kanal = shift.kanal();
        driver = shift.driver();
        wait = shift.waiting();
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    @AfterAll
    static void stop() {
        if (shift != null) {
            shift.close();
        }
    }

    @Test
    @Order(1)
    void agentShift_loginQueueTakeAnswerComplaintDashboard() throws Exception {
        // Before the shift: a resident files a complaint by SMS, others file some more, and three
        // people are already waiting for an agent (one owned by a colleague).
        for (String t : List.of("lapor sampah", "Jl. Merdeka 5", "Sampah tidak diangkut seminggu", "ya")) {
            assertEquals(200, kanal.sms(REPORTER, t).statusCode());
        }
        kanal.fileComplaint("+6281300000001", "lapor jalan berlubang", "Jl. Daan Mogot km 3", "Lubang besar di lajur kiri");
        kanal.fileComplaint("+6281300000002", "lapor banjir", "Perumahan Poris Indah blok C", "Got mampet, air setinggi lutut");
        kanal.fileComplaint("+6281300000003", "lapor lampu jalan", "Jl. Sudirman depan taman", "Lampu PJU mati tiga malam <img src=x onerror=alert(1)>");
        kanal.resident(Channel.USSD, "+6281300000010", "petugas");
        clock.advance(Duration.ofMinutes(2));
        kanal.resident(Channel.TELEGRAM, "100000042", "agent");
        kanal.resident(Channel.TELEGRAM, "100000042", "How do I renew my KTP?");
        clock.advance(Duration.ofMinutes(1));
        kanal.resident(Channel.SMS, "+6281300000011", "petugas");
        kanal.login("rudi", "rudi-password").post("/conversations/sms/+6281300000011/take", Map.of());
        clock.advance(Duration.ofMinutes(1));

        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "siti", "siti-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));

        // A real signed SMS asks for an agent; the queue shows it without a reload, after the older ones.
        assertEquals(200, kanal.sms(RESIDENT, "petugas").statusCode());
        assertEquals(200, kanal.sms(RESIDENT, "<script>alert(1)</script>").statusCode());
        By row = By.cssSelector("#queue-table tr[data-key='sms/" + RESIDENT + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "<script>alert(1)</script>"));
        assertTrue(driver.findElement(row).getText().contains("minta bicara dengan agen"));
        List<String> order = driver.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-key")).toList();
        assertEquals(List.of("ussd/+6281300000010", "telegram/100000042", "sms/" + RESIDENT), order, "oldest first");
        assertTrue(driver.findElements(By.cssSelector("#queue-table script")).isEmpty(), "resident text stays text");
        // Three minutes on, a waiting resident writes again: the queue refreshes live, waits included.
        clock.advance(Duration.ofMinutes(3).plusSeconds(20));
        kanal.resident(Channel.TELEGRAM, "100000042", "Halo? Masih ada orang?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "3 mnt"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#queue-table tr[data-key='telegram/100000042']"), "Masih ada orang"));
        screenshot("queue");

        driver.findElement(row).findElement(By.className("take")).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "<script>alert(1)</script>"));
        assertTrue(driver.findElements(By.cssSelector("#transcript script")).isEmpty(), "resident text stays text");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

        // The counter follows the text as it is typed: an emoji turns the SMS into UCS-2.
        reply.sendKeys("Halo \uD83D\uDE00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "UCS-2"));
        reply.clear();
        reply.sendKeys("x".repeat(161));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "2 segmen"));
        reply.clear();
        clock.advance(Duration.ofSeconds(40));
        String answer = "Selamat siang, saya Siti. Sampahnya kami cek hari ini.";
        reply.sendKeys(answer);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "GSM-7"));
        assertTrue(driver.findElement(By.id("reply-counter")).getText().contains("1 segmen"));
        driver.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Sampahnya kami cek"));
        // The fake Twilio received it: the outbox delivered the agent's answer as an SMS.
        Map<String, String> sent = accepted(m -> RESIDENT.equals(m.get("To")));
        assertEquals(answer, sent.get("Body"));
        assertEquals("+6221500999", sent.get("From"));

        // An internal note shows in the transcript and is never sent.
        driver.findElement(By.id("note-text")).sendKeys("Warga sudah 3x lapor soal ini");
        driver.findElement(By.id("note-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Warga sudah 3x lapor"));
        assertTrue(driver.findElement(By.id("transcript")).findElements(By.cssSelector("li.note")).stream()
                .anyMatch(n -> n.getText().contains("Warga sudah 3x lapor")), "shown as a note, not a reply");
        screenshot("conversation");

        // A USSD conversation: the agent is told the reply goes by SMS.
        driver.get(kanal.base() + "/console/#/conversation/ussd/" + "%2B6281300000010");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "dikirim lewat SMS"));

        // A status change on the complaint reaches the reporter: the fake Twilio receives the SMS
        // (a few seconds on, so the SMS rate limit of one a second lets it through at once).
        clock.advance(Duration.ofSeconds(5));
        driver.get(kanal.base() + "/console/#/complaints");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-category")))).selectByValue("sampah");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#complaints-table tbody tr"), 1));
        driver.findElement(By.cssSelector("#complaints-table a")).click();
        // Routed ASSIGNED at filing: the menu offers only what the lifecycle allows from there.
        Select menu = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-select"))));
        assertEquals(List.of("", "IN_PROGRESS", "RESOLVED", "REJECTED"), options(), "ASSIGNED: the allowed statuses only");
        assertFalse(driver.findElement(By.id("status-save")).isEnabled(), "nothing to send before a status is chosen");
        // Rejecting needs a reason: without one the agent is told so and nothing can be sent.
        menu.selectByValue("REJECTED");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-hint"), "perlu alasan"));
        assertFalse(driver.findElement(By.id("status-save")).isEnabled(), "no rejection without a reason");
        screenshot("complaint-reject-needs-reason");
        WebElement reason = driver.findElement(By.id("status-note"));
        reason.sendKeys("x");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("status-save")));
        reason.sendKeys(Keys.BACK_SPACE);
        wait.until(ExpectedConditions.not(ExpectedConditions.elementToBeClickable(By.id("status-save"))));
        menu.selectByValue("IN_PROGRESS");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("status-save")));
        driver.findElement(By.id("status-note")).sendKeys("Truk dijadwalkan besok pagi");
        driver.findElement(By.id("status-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("complaint-status"), "Sedang dikerjakan"));
        wait.until(d -> options().equals(List.of("", "RESOLVED", "REJECTED")));
        Map<String, String> news = accepted(m -> REPORTER.equals(m.get("To")));
        assertTrue(news.get("Body").contains("Truk dijadwalkan besok pagi"), news.toString());
        // The outbox has delivered what came after the note: had the note been queued, it would be there too.
        assertTrue(twilio.accepted().stream().noneMatch(m -> m.getOrDefault("Body", "").contains("Warga sudah")),
                "internal notes are never sent");
        screenshot("complaint");

        // A resolved complaint gives the dashboard a median time to resolution.
        clock.advance(Duration.ofHours(5));
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        String ticket = admin.json(admin.get("/complaints?category=jalan-rusak")).get(0).get("ticket").asText();
        assertEquals(200, admin.post("/complaints/" + ticket + "/status", Map.of("status", "IN_PROGRESS", "note", ""))
                .statusCode());
        assertEquals(200, admin.post("/complaints/" + ticket + "/status", Map.of("status", "RESOLVED",
                "note", "Sudah ditambal")).statusCode());

        // Markup a resident typed into a complaint shows as text on its page.
        String lamp = admin.json(admin.get("/complaints?category=lampu-jalan")).get(0).get("ticket").asText();
        driver.get(kanal.base() + "/console/#/complaint/" + lamp);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("complaint-description"),
                "<img src=x onerror=alert(1)>"));
        assertTrue(driver.findElements(By.cssSelector("#complaint-description img")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());

        // The dashboard on a wall screen (1920x1080): everything visible without scrolling.
        driver.manage().window().setSize(new Dimension(1920, 1080));
        driver.get(kanal.base() + "/console/#/dashboard");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#stat-first-answer .num"), "4"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("svg.chart rect"), 3));
        assertEquals("5,1 jam", driver.findElement(By.cssSelector("#stat-resolution .num")).getText(),
                "filed, then resolved 5 h 8 min later");
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight - window.innerHeight;");
        assertTrue(overflow <= 0, "the dashboard scrolls by " + overflow + " px on a 1920x1080 wall screen");
        screenshot("dashboard");
        driver.manage().window().setSize(new Dimension(1400, 1000));

        // The simulator talks through the same engine.
        driver.get(kanal.base() + "/console/#/simulator");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sim-text"))).sendKeys("halo");
        driver.findElement(By.id("sim-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sim-screen"), "1 Lapor"));
        screenshot("simulator");
        assertFalse(kanal.resident(Channel.SMS, "+6281200000001", "menu").isEmpty());
    }

    @Test
    @Order(2)
    void whatsApp_windowClosed_onlyTemplatesCanBeSent_andTwilioGetsTheTemplate() throws Exception {
        var lead = kanal.createAccount("lead", Role.SUPERVISOR);
        assertEquals(201, lead.post("/canned", Map.of("title", "Laporan ditindaklanjuti",
                "body", "Laporan Anda sedang kami tindak lanjuti.", "template", TEMPLATE)).statusCode());
        assertEquals(201, lead.post("/canned", Map.of("title", "Salam", "body", "Selamat siang, ada yang bisa dibantu?"))
                .statusCode());
        assertEquals(200, kanal.whatsApp(WHATSAPP_RESIDENT, "petugas").statusCode());

        String conversation = kanal.base() + "/console/#/conversation/whatsapp/%2B" + WHATSAPP_RESIDENT.substring(1);
        driver.get(conversation);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "jendela 24 jam terbuka"));
        assertEquals(3, new Select(driver.findElement(By.id("canned-select"))).getOptions().size(),
                "window open: every canned reply");

        clock.advance(Duration.ofHours(25));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reply-counter"), "jendela 24 jam tertutup"));
        Select picker = new Select(driver.findElement(By.id("canned-select")));
        assertEquals(List.of("Pilih templat…", "Laporan ditindaklanjuti"),
                picker.getOptions().stream().map(WebElement::getText).toList(), "window closed: templates only");
        assertFalse(driver.findElement(By.id("reply-send")).isEnabled(), "nothing to send before a template is chosen");
        picker.selectByVisibleText("Laporan ditindaklanjuti");
        WebElement text = driver.findElement(By.id("reply-text"));
        assertEquals("Laporan Anda sedang kami tindak lanjuti.", text.getDomProperty("value"));
        assertEquals("true", text.getDomProperty("readOnly"), "a template is sent as approved, not edited");
        screenshot("whatsapp-window-closed");
        driver.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "sedang kami tindak lanjuti"));
        Map<String, String> sent = accepted(m -> ("whatsapp:" + WHATSAPP_RESIDENT).equals(m.get("To")));
        assertEquals(TEMPLATE, sent.get("ContentSid"), sent.toString());
    }

    @Test
    @Order(3)
    void replyCounter_countsEncodingAndSegmentsExactlyAsTheServerDoes() {
        List<String> samples = List.of("", "halo", "a".repeat(160), "a".repeat(161), "a".repeat(306), "a".repeat(307),
                "{}".repeat(80), "[" + "a".repeat(159), "Halo \uD83D\uDE00", "\u0151".repeat(70), "\u0151".repeat(71),
                "\u0151".repeat(134), "\u0151".repeat(135), "Terima kasih \u201CPak\u201D", "\u20AC5 ~ ^ |",
                "\u00D1and\u00FA", "Jl. Merdeka no. 5\nRT 03/RW 07");
        driver.get(kanal.base() + "/console/");
        @SuppressWarnings("unchecked")
        List<List<Object>> browser = (List<List<Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const texts = arguments[0], done = arguments[arguments.length - 1];"
                        + "import('/console/gsm7.js').then((m) => done(texts.map((t) => {"
                        + "  const i = m.smsInfo(t); return [i.encoding, i.units, i.segments]; })));", samples);
        for (int i = 0; i < samples.size(); i++) {
            String t = samples.get(i);
            boolean gsm = Gsm7.isGsm7(t);
            List<Object> expected = List.of(gsm ? "GSM-7" : "UCS-2", (long) (gsm ? Gsm7.septets(t) : t.length()),
                    (long) Gsm7.segments(t));
            assertEquals(expected, browser.get(i), "sample " + i + ": " + t);
        }
    }

    @Test
    @Order(4)
    void logout_thenAdminManagesAccounts_agentSeesNoAccountsPage() throws Exception {
        driver.get(kanal.base() + "/console/#/queue");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertFalse(driver.findElement(By.id("nav")).isDisplayed());

        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ConsoleHarness.ADMIN_PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-accounts"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-username"))).sendKeys("dewi");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("agent");
        driver.findElement(By.id("new-password")).sendKeys("dewi-password-1");
        driver.findElement(By.id("create-account")).click();
        By dewi = By.cssSelector("#accounts-table tr[data-username='dewi'] select.role");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(dewi))).selectByValue("supervisor");
        until(() -> kanal.kanal().database().read(c -> {
            try (var ps = c.prepareStatement("SELECT role FROM console_account WHERE username = 'dewi'");
                 var rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).equals("supervisor");
            }
        }));
        screenshot("accounts");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();

        // An agent has no Accounts link, and following one leads to the queue (the API refuses them anyway).
        agentHasNoLinkTo("accounts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
        assertTrue(driver.findElements(By.id("accounts-table")).isEmpty());
    }

    @Test
    @Order(5)
    void complaintPage_finalComplaintOffersNoChange_andARaceLostIsReloaded() throws Exception {
        var admin = kanal.login("admin", ConsoleHarness.ADMIN_PASSWORD);
        String lamp = admin.json(admin.get("/complaints?category=lampu-jalan")).get(0).get("ticket").asText();
        assertEquals(200, admin.post("/complaints/" + lamp + "/status", Map.of("status", "REJECTED",
                "note", "Lampu milik perumahan, bukan PJU")).statusCode());
        driver.get(kanal.base() + "/console/#/complaint/" + lamp);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-none"), "final"));
        assertTrue(driver.findElements(By.id("status-select")).isEmpty(), "a rejected complaint has no status menu");
        screenshot("complaint-final");

        // Another agent moves the complaint while this page is open: the server still refuses (409),
        // and the page reloads it so the menu shows what is allowed now.
        String flood = admin.json(admin.get("/complaints?category=banjir-drainase")).get(0).get("ticket").asText();
        driver.get(kanal.base() + "/console/#/complaint/" + flood);
        Select menu = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-select"))));
        assertEquals(List.of("", "IN_PROGRESS", "RESOLVED", "REJECTED"), options());
        assertEquals(200, kanal.login("rudi", "rudi-password").post("/complaints/" + flood + "/status",
                Map.of("status", "IN_PROGRESS", "note", "")).statusCode());
        menu.selectByValue("IN_PROGRESS");
        driver.findElement(By.id("status-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Sedang dikerjakan"));
        wait.until(ExpectedConditions.textToBe(By.id("complaint-status"), "Sedang dikerjakan"));
        wait.until(d -> options().equals(List.of("", "RESOLVED", "REJECTED")));
    }

    /** The values the complaint page's status menu offers, the placeholder ("") first. */
    private static List<String> options() {
        return driver.findElements(By.cssSelector("#status-select option")).stream()
                .map(o -> o.getDomAttribute("value")).toList();
    }

    @Test
    @Order(20)
    void admin_importsPriceCsv_seesTheResult_andABadFileNamesItsRowAndImportsNothing(@TempDir Path files) throws Exception {
        // Whoever an earlier test left logged in, this one starts at the login form.
        driver.manage().deleteAllCookies();
        driver.get(kanal.base() + "/console/");
        HeadlessChromium.logIn(driver, wait, "admin", ConsoleHarness.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-prices"))).click();
        // The demo prices are on the board before anything is imported.
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#prices-freshness tbody tr"), 3));

        String today = java.time.LocalDate.now(kanal.kanal().clock().withZone(java.time.ZoneId.of("Asia/Jakarta"))).toString();
        importPrices(files.resolve("harga-pasar.csv"), today + ",Pasar Anyar,beras,kg,15900\n"
                + today + ",,durian,kg,45000\n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prices-result"), "harga-pasar.csv diimpor"));
        assertEquals(List.of("CSV sederhana Kanal", "2", "2", "0", "0"), List.of("format", "rows", "changed", "unchanged", "skipped")
                .stream().map(f -> driver.findElement(By.id("prices-" + f)).getText()).toList());
        assertTrue(driver.findElement(By.id("prices-time")).getText().matches("[\\d.]+ ms"));
        // The freshness table follows the import: durian is new, priced today.
        By durian = By.cssSelector("#prices-freshness tr[data-commodity='durian']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(durian, "hari ini"));
        assertEquals(today, driver.findElement(durian).getDomAttribute("data-newest"));
        // Rupiah and the day in Indonesian form: "Rp 45.000 / kg", "4 Des 2026".
        assertTrue(driver.findElement(durian).getText().contains("Rp 45.000 / kg"), driver.findElement(durian).getText());
        String newest = driver.findElement(By.id("prices-newest")).getText();
        assertTrue(newest.startsWith("Harga terbaru di papan: ") && newest.contains(today.substring(0, 4)), newest);
        assertEquals(15_900, kanal.kanal().prices().latest("beras", java.util.Optional.of("Pasar Anyar")).orElseThrow().rupiah());
        screenshot("prices");

        // A bad row rejects the whole file: its good first row is not stored either.
        importPrices(files.resolve("harga-salah.csv"), today + ",Pasar Lama,beras,kg,99999\n"
                + today + ",Pasar Lama,gula pasir,kg,mahal\n");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prices-result"), "harga-salah.csv tidak diimpor"));
        String error = driver.findElement(By.id("prices-error")).getText();
        assertTrue(error.startsWith("Baris 3:") && error.contains("mahal"), error);
        assertTrue(driver.findElement(By.id("prices-nothing")).getText().startsWith("Tidak ada yang diimpor"));
        assertTrue(kanal.kanal().prices().latest("beras", java.util.Optional.of("Pasar Lama"))
                .map(q -> q.rupiah() != 99_999).orElse(true), "the good row of a rejected file is not on the board");
        screenshot("prices-rejected");

        // A file over the server's limit is refused by the page before it is sent, with the limit in words.
        importPrices(files.resolve("harga-besar.csv"), (today + ",Pasar Lama,beras,kg,14000\n").repeat(50_000));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prices-error"), "paling banyak 1,0 MiB"));
        assertTrue(driver.findElement(By.id("prices-nothing")).isDisplayed());

        // An agent has no Prices link, and an old link leads to the queue.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        agentHasNoLinkTo("prices");
        assertTrue(driver.findElements(By.id("prices-file")).isEmpty());
    }

    /** Writes a price CSV ({@code rows} under the header) and imports it through the Prices page's file input. */
    private static void importPrices(Path file, String rows) throws Exception {
        Files.writeString(file, "date,market,commodity,unit,price\n" + rows);
        driver.findElement(By.id("prices-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("prices-import")).click();
    }

    /** Agent Siti logs in: the console shows no link to {@code page}, and an old link to it leads to the queue. */
    private static void agentHasNoLinkTo(String page) {
        HeadlessChromium.logIn(driver, wait, "siti", "siti-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
        assertFalse(driver.findElement(By.id("nav-" + page)).isDisplayed());
        driver.get(kanal.base() + "/console/#/" + page);
        wait.until(ExpectedConditions.urlContains("#/queue"));
    }

    /** The first message the fake Twilio accepted that matches, waiting for it up to the deadline. */
    private static Map<String, String> accepted(Predicate<Map<String, String>> which) {
        until(() -> twilio.accepted().stream().anyMatch(which));
        return twilio.accepted().stream().filter(which).findFirst().orElseThrow();
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(driver, name);
    }

    /** Waits on a condition outside the page (the database, the fake provider), with the same deadline. */
    private static void until(Supplier<Boolean> condition) {
        wait.until(d -> condition.get());
    }
}
