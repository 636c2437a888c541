package id.kanal.app;

import org.junit.jupiter.api.Test;

import id.kanal.app.web.ApiToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplaintSettingsTest {
    @Test
    void from_environment_readsEveryComplaintsVariable() {
        ComplaintSettings s = Settings.from(Main.config(), Map.of(
                "KANAL_ADMIN_TOKEN", " tok ",
                "KANAL_OPEN311_API_KEY", "a, b,,c",
                "KANAL_WHATSAPP_STATUS_TEMPLATE_SID", "HX1",
                "KANAL_OPEN311_ENDPOINT", "https://311.example.go.id/open311/v2/",
                "KANAL_OPEN311_CLIENT_API_KEY", "k",
                "KANAL_OPEN311_JURISDICTION", "tangerangkota.go.id",
                "KANAL_OPEN311_POLL_INTERVAL", "PT1M",
                "KANAL_API_TOKENS", " kabupaten-tangerang=kab-token-0123456789==, Kota-Tangerang/dlh = dlh-token-0123456789",
                "KANAL_PHOTO_RETENTION_DAYS", "90")).complaints();
        assertEquals(new ComplaintSettings(Optional.of("tok"), List.of("a", "b", "c"), Optional.of("HX1"),
                Optional.of(URI.create("https://311.example.go.id/open311/v2/")), Optional.of("k"),
                Optional.of("tangerangkota.go.id"), Duration.ofMinutes(1), true, Optional.empty(),
                ComplaintSettings.DEFAULT_PHOTO_MAX_BYTES,
                List.of(new ApiToken("kabupaten-tangerang", Optional.empty(), "kab-token-0123456789=="),
                        new ApiToken("kota-tangerang", Optional.of("dlh"), "dlh-token-0123456789")), 90), s);
        assertFalse(s.toString().contains("token-0123456789"), "tokens never shown: " + s);
    }

    @Test
    void apiTokens_malformedOrShortOrShared_failTheStart_withoutShowingTheToken() {
        for (String bad : List.of("kabupaten-tangerang", "=abcdefghijklmnopqrst", "kota-tangerang=short",
                "kota-tangerang=abcdefghijklmnopqrst,kota-tangerang/dlh=abcdefghijklmnopqrst")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ApiToken.parseAll(bad, "KANAL_API_TOKENS"), bad);
            assertTrue(e.getMessage().startsWith("KANAL_API_TOKENS"), e.getMessage());
            assertFalse(e.getMessage().contains("abcdefghijklmnopqrst"), e.getMessage());
        }
    }

    @Test
    void from_nothingSet_everythingOff() {
        ComplaintSettings s = KanalHarness.settings(Path.of("unused")).complaints();
        assertTrue(s.adminToken().isEmpty() && s.open311ApiKeys().isEmpty() && s.open311Endpoint().isEmpty());
        assertEquals(Duration.ofMinutes(5), s.open311PollInterval());
    }

    @Test
    void from_endpointNotHttp_failsNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Main.config(), Map.of("KANAL_OPEN311_ENDPOINT", "ftp://x")));
        assertTrue(e.getMessage().contains("KANAL_OPEN311_ENDPOINT"), e.getMessage());
    }

    @Test
    void from_pollIntervalNotADuration_failsNamingTheVariable() {
        for (String bad : new String[] {"5 minutes", "PT0S", "-PT5M"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.from(Main.config(), Map.of("KANAL_OPEN311_POLL_INTERVAL", bad)));
            assertTrue(e.getMessage().contains("KANAL_OPEN311_POLL_INTERVAL"), e.getMessage());
        }
    }
}
