package id.kanal.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a conversation stands: what the next message from the resident is read as. */
public sealed interface State {
    /** At the main menu (also the state of a new or timed-out conversation). */
    record Menu() implements State {
    }

    /** Picking a complaint category from the numbered list. */
    record ChoosingCategory(ComplaintDraft draft) implements State {
    }

    /** Telling where the problem is (free text, or a shared location). */
    record AskingLocation(ComplaintDraft draft) implements State {
    }

    /** Describing the problem (free text; a photo may come along). */
    record AskingDescription(ComplaintDraft draft) implements State {
    }

    /** Confirming the summary (yes/no). */
    record Confirming(ComplaintDraft draft) implements State {
    }

    /** After a timeout: offered the half-filed complaint back (1 yes, 2 no). */
    record OfferingResume(ComplaintDraft draft) implements State {
    }

    /** Writing a ticket code, or picking one of the listed own complaints. */
    record AskingTicket(List<String> listed) implements State {
        public AskingTicket {
            listed = List.copyOf(listed);
        }
    }

    /** Choosing the reply language (1 or 2). */
    record ChoosingLanguage() implements State {
    }

    /** Naming a commodity (by number from the list, or by name), with a market maybe already known. */
    record AskingCommodity(Optional<String> market) implements State {
        public AskingCommodity {
            Objects.requireNonNull(market, "market");
        }
    }

    /** A departure question being filled: the stops known so far (stop ids). */
    record AskingStop(TripQuery query) implements State {
        public AskingStop {
            Objects.requireNonNull(query, "query");
        }
    }

    /** Picking one of several stops that matched a name. */
    record ChoosingStop(TripQuery query, boolean forOrigin, List<String> stopIds) implements State {
        public ChoosingStop {
            Objects.requireNonNull(query, "query");
            stopIds = List.copyOf(stopIds);
        }
    }

    /** Picking a content pack from the packs' numbered menu. */
    record ChoosingPack() implements State {
    }

    /** Reading a content pack's answer page by page: {@code shown} items so far for the search words {@code query}. */
    record ReadingPack(String pack, String query, int shown) implements State {
        public ReadingPack {
            Objects.requireNonNull(pack, "pack");
            Objects.requireNonNull(query, "query");
        }
    }

    /** Offered an agent after misunderstandings (1 yes, 2 no). */
    record OfferingAgent() implements State {
    }

    /** Waiting for an agent. The bot acknowledges messages but does not run flows. */
    record Queued(String reason, Instant since) implements State {
        public Queued {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }

    /** An agent owns the conversation: the bot says nothing. */
    record WithAgent(String agent, Instant since) implements State {
        public WithAgent {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(since, "since");
        }
    }

    State MENU = new Menu();

    /** Whether a person, not the bot, is (or is about to be) answering. */
    default boolean isHandedOff() {
        return this instanceof Queued || this instanceof WithAgent;
    }

    /** The half-filed complaint this state carries, if any. */
    default Optional<ComplaintDraft> pendingDraft() {
        return switch (this) {
            case ChoosingCategory s -> Optional.of(s.draft());
            case AskingLocation s -> Optional.of(s.draft());
            case AskingDescription s -> Optional.of(s.draft());
            case Confirming s -> Optional.of(s.draft());
            case OfferingResume s -> Optional.of(s.draft());
            default -> Optional.empty();
        };
    }
}
