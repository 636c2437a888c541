package id.kanal.app;

import id.kanal.channels.ConfigValues;
import id.kanal.dialog.OpeningHours;
import io.helidon.common.config.Config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How conversations run, whatever the region.
 *
 * @param idleTimeout         a conversation idle this long restarts at the menu ({@code kanal.dialog.idle-timeout})
 * @param zone                the time zone of dates said to residents and of "today" for prices ({@code kanal.dialog.zone})
 * @param agentHours          when call-centre agents answer ({@code kanal.handoff.hours}, {@code KANAL_AGENT_HOURS})
 * @param priceStaleAfterDays prices older than this are answered with their date ({@code kanal.prices.stale-after-days})
 * @param conversationCacheSize conversations kept in memory, most recent first ({@code kanal.dialog.conversation-cache-size},
 *                            {@code KANAL_CONVERSATION_CACHE_SIZE}); one costs about 230 bytes of heap, the rest are
 *                            read from the database when their resident writes
 */
public record ConversationSettings(Duration idleTimeout, ZoneId zone, OpeningHours agentHours, int priceStaleAfterDays,
                                   int conversationCacheSize) {
    /** Reads {@code dialog}, {@code handoff} and {@code prices} under {@code kanal}. */
    public static ConversationSettings create(Config kanal) {
        Config dialog = kanal.get("dialog");
        return new ConversationSettings(
                ConfigValues.positiveDuration(dialog.get("idle-timeout"), Duration.ofMinutes(30)),
                ConfigValues.parsed(dialog.get("zone"), "a time zone like Asia/Jakarta", ZoneId::of)
                        .orElse(ZoneId.of("Asia/Jakarta")),
                ConfigValues.parsed(kanal.get("handoff.hours"), "days and hours like MON-FRI 08:00-16:00",
                        AgentHours::parse).orElseGet(() -> AgentHours.parse("MON-FRI 08:00-16:00")),
                ConfigValues.integer(kanal.get("prices.stale-after-days"), 0, 3650, 3),
                ConfigValues.integer(dialog.get("conversation-cache-size"), 0, 100_000_000, 100_000));
    }
}
