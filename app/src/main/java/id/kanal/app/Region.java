package id.kanal.app;

import id.kanal.app.packs.PackSource;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Language;
import id.kanal.dialog.OpeningHours;
import id.kanal.services.alerts.Areas;
import id.kanal.services.complaints.RegionDefinition;

import java.net.URI;
import java.time.Duration;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One region of a deployment, as its file says: the complaint desk's definition (code, name,
 * ticket prefix, agencies, categories), its time zone and agent hours when they differ from
 * {@code kanal.dialog}, its content packs, and the identities residents reach it on.
 *
 * @param source     where it was read from, for messages ({@code built-in} or a file path)
 * @param identities per channel, the numbers, short codes and senders that are this region's
 *                   (normalised by {@link Identities#key}); a message arriving on one is this region's
 * @param telegram   the region's own bot, when it has one (its updates are this region's; its identity,
 *                   {@code bot<id>}, is among {@code identities} under {@link Channel#TELEGRAM})
 * @param wording    texts the region rewords, per language ({@code wording: id: {key: text}}), checked by
 *                   {@link id.kanal.dialog.Texts#reworded} when the region's engine is made
 * @param areas      its kecamatan and kelurahan ({@code areas:} or {@code areas-file:}), for {@code DAFTAR BANJIR}
 *                   and area alerts; empty when the file names none
 * @param open311    its external Open311 desk ({@code open311:}), to which its complaints are forwarded
 */
public record Region(RegionDefinition definition, String source, Optional<ZoneId> zone,
                     Optional<OpeningHours> agentHours, List<PackSource> packs,
                     Map<Channel, Set<String>> identities, Optional<TelegramBot> telegram,
                     Map<Language, Map<String, String>> wording, Optional<Areas> areas,
                     Optional<Open311Desk> open311) {
    public Region {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(agentHours, "agentHours");
        packs = List.copyOf(packs);
        identities = Map.copyOf(identities);
        Objects.requireNonNull(telegram, "telegram");
        wording = Map.copyOf(wording);
        Objects.requireNonNull(areas, "areas");
        Objects.requireNonNull(open311, "open311");
    }

    public String code() {
        return definition.code();
    }

    /**
     * A region's external Open311 GeoReport v2 desk, as its file gives it: no secret in the file,
     * only the name of the environment variable that holds the {@code api_key}.
     *
     * @param apiKeyVariable the variable holding the key the desk issued ({@code api-key-env})
     * @param pollEvery      how often forwarded complaints' status is asked; empty: {@code kanal.complaints.open311}'s
     */
    public record Open311Desk(URI endpoint, Optional<String> apiKeyVariable, Optional<String> jurisdiction,
                              Optional<Duration> pollEvery) {
        public Open311Desk {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
            Objects.requireNonNull(jurisdiction, "jurisdiction");
            Objects.requireNonNull(pollEvery, "pollEvery");
        }
    }

    /**
     * A region's Telegram bot: its token (from the environment variable the file names; kept out of
     * logs), the webhook secret when it has its own (else the deployment's), and the webhook path
     * Telegram calls, under {@code /channels}.
     */
    public record TelegramBot(String token, Optional<String> webhookSecret, String webhookPath) {
        public TelegramBot {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(webhookSecret, "webhookSecret");
            Objects.requireNonNull(webhookPath, "webhookPath");
        }

        @Override
        public String toString() {
            return "TelegramBot[webhookPath=" + webhookPath + "]";
        }
    }
}
