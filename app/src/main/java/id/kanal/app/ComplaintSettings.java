package id.kanal.app;

import id.kanal.app.web.ApiToken;
import id.kanal.channels.ConfigValues;
import io.helidon.common.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the complaints desk, the staff API and Open311 ({@code kanal.complaints}; the
 * tokens and keys come only from the environment).
 *
 * @param adminToken                the staff API's bearer token ({@code KANAL_ADMIN_TOKEN}); unset: the API answers 503
 * @param open311ApiKeys            keys Open311 clients must send to file ({@code KANAL_OPEN311_API_KEY}, comma-separated);
 *                                  empty: Open311 filing is refused
 * @param whatsAppStatusTemplateSid WhatsApp template for status changes outside the 24-hour window
 * @param open311Endpoint           an external Open311 desk complaints are forwarded to ({@code open311.endpoint})
 * @param open311PublicReads        whether Open311 reads answer without an {@code api_key} (progress only); false:
 *                                  403 without one ({@code open311.public-reads}, {@code KANAL_OPEN311_PUBLIC_READS})
 * @param whatsAppFeedbackTemplateSid WhatsApp template for a resolution outside the 24-hour window that asks
 *                                  "was it fixed? 1 / 2" (variables 1 = ticket, 2 = category)
 * @param photoMaxBytes             the largest photo Kanal keeps of a complaint ({@code photo-max-bytes},
 *                                  {@code KANAL_PHOTO_MAX_BYTES}); a larger one is refused, the complaint stays
 * @param apiTokens                 bearer tokens of one region's or agency's integration ({@code KANAL_API_TOKENS},
 *                                  {@code <region>[/<agency>]=<token>,...}): the staff API narrowed to that desk
 * @param photoRetentionDays        days after a complaint is closed (resolved or rejected) that its photos' bytes
 *                                  are deleted ({@code photo-retention-days}, {@code KANAL_PHOTO_RETENTION_DAYS});
 *                                  0: kept
 */
public record ComplaintSettings(Optional<String> adminToken, List<String> open311ApiKeys,
                                Optional<String> whatsAppStatusTemplateSid, Optional<URI> open311Endpoint,
                                Optional<String> open311ClientApiKey, Optional<String> open311Jurisdiction,
                                Duration open311PollInterval, boolean open311PublicReads,
                                Optional<String> whatsAppFeedbackTemplateSid, long photoMaxBytes,
                                List<ApiToken> apiTokens, int photoRetentionDays) {
    /** Twilio's own limit on a message's media (5 MB); Telegram photos are far smaller. */
    public static final int DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

    public ComplaintSettings {
        open311ApiKeys = List.copyOf(open311ApiKeys);
        apiTokens = List.copyOf(apiTokens);
    }

    /** Reads the {@code kanal.complaints} subtree. */
    public static ComplaintSettings create(Config complaints) {
        Config open311 = complaints.get("open311");
        return new ComplaintSettings(
                ConfigValues.string(complaints.get("admin-token")),
                ConfigValues.string(open311.get("api-keys")).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                ConfigValues.string(complaints.get("whatsapp-status-template-sid")),
                ConfigValues.url(open311.get("endpoint"), "https://311.example.go.id/open311/v2/"),
                ConfigValues.string(open311.get("client-api-key")),
                ConfigValues.string(open311.get("jurisdiction")),
                ConfigValues.positiveDuration(open311.get("poll-interval"), Duration.ofMinutes(5)),
                ConfigValues.bool(open311.get("public-reads"), true),
                ConfigValues.string(complaints.get("whatsapp-feedback-template-sid")),
                ConfigValues.integer(complaints.get("photo-max-bytes"), 1024, 20 * 1024 * 1024, DEFAULT_PHOTO_MAX_BYTES),
                ConfigValues.string(complaints.get("api-tokens"))
                        .map(v -> ApiToken.parseAll(v, "KANAL_API_TOKENS")).orElse(List.of()),
                ConfigValues.integer(complaints.get("photo-retention-days"), 0, 36_500, 0));
    }

    @Override
    public String toString() {
        return "ComplaintSettings[adminToken=" + (adminToken.isPresent() ? "***" : "unset") + ", open311ApiKeys="
                + open311ApiKeys.size() + ", whatsAppStatusTemplateSid=" + whatsAppStatusTemplateSid
                + ", open311Endpoint=" + open311Endpoint + ", open311Jurisdiction=" + open311Jurisdiction
                + ", open311PollInterval=" + open311PollInterval + ", open311PublicReads=" + open311PublicReads
                + ", whatsAppFeedbackTemplateSid=" + whatsAppFeedbackTemplateSid + ", photoMaxBytes=" + photoMaxBytes
                + ", apiTokens=" + apiTokens + ", photoRetentionDays=" + photoRetentionDays + "]";
    }
}
