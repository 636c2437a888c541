package id.kanal.app.console;

import id.kanal.channels.twilio.FakeTwilio;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser test's world: headless Chromium ({@link HeadlessChromium}), a real Kanal whose outbox
 * delivers to a fake Twilio on loopback, and two agents, siti and rudi (passwords: name + "-password").
 */
record ChromiumShift(FakeTwilio twilio, ConsoleHarness kanal, WebDriver driver, WebDriverWait waiting)
        implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** {@code env}: more environment variables (e.g. the auto-assignment cap). */
    static ChromiumShift start(Path dataDir, Path profile, Clock clock, Map<String, String> env) throws Exception {
        WebDriver driver = HeadlessChromium.start(profile);
        // A desk's screen; a test that shows the wall screen sets 1920x1080 itself.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        FakeTwilio twilio = new FakeTwilio();
        Map<String, String> all = new HashMap<>(Map.of(
                "KANAL_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "KANAL_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "KANAL_TWILIO_API_URL", twilio.url().toString(),
                "KANAL_TWILIO_SMS_FROM", "+6221500999",
                "KANAL_TWILIO_WHATSAPP_FROM", "whatsapp:+6221500123"));
        all.putAll(env);
        // The tests move the clock days on; the agents' logins must outlast it.
        ConsoleHarness kanal = new ConsoleHarness(dataDir, clock, all, Map.of("kanal.console.session-ttl", "P7D"));
        kanal.kanal().outbox().start();
        kanal.createAccount("siti", Role.AGENT);
        kanal.createAccount("rudi", Role.AGENT);
        return new ChromiumShift(twilio, kanal, driver, new WebDriverWait(driver, DEADLINE));
    }

    @Override
    public void close() {
        driver.quit();
        kanal.close();
        twilio.close();
    }
}
