package id.kanal.dialog;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;

import id.kanal.dialog.port.Intent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Filing a complaint: category, description, location, confirmation, ticket. Asks only for what
 * is missing: a complaint told in one message ("sampah numpuk di pasar lama udah seminggu") is
 * its own description, its category and place come from the classifier's reading of it, and
 * only the summary is left to confirm. Every reply is written to keep a filed complaint within
 * six SMS segments.
 */
final class ComplaintFlow {
    private static final int MIN_TEXT = 3;
    /** Longest place echoed in the summary, and the shortest the resident's words are cut to there. */
    private static final int LOCATION_ECHO = 50;
    private static final int MIN_DESCRIPTION_ECHO = 24;
    /** Words besides the place that make a reply a description too ("sampah numpuk di Jl. X", not "di Jl. X"). */
    private static final int MIN_DESCRIPTION_WORDS = 2;

    private final Replies replies;
    private final ComplaintService complaints;

    ComplaintFlow(Replies replies, ComplaintService complaints) {
        this.replies = replies;
        this.complaints = complaints;
    }

    /** Starts from a message that asked to complain, read by the classifier; it may tell the whole complaint. */
    Outcome start(Conversation c, InboundMessage m, Intent intent) {
        ComplaintDraft placed = withPlace(ComplaintDraft.empty(), intent);
        Optional<Category> named = intent.entity("category").flatMap(this::category)
                .or(() -> categoryNamedIn(Words.simplify(outsidePlace(m.text(), placed))));
        ComplaintDraft draft = placed;
        if (named.isPresent()) {
            draft = draft.withCategory(named.get().code());
        }
        if (Words.number(m.text()).isEmpty() && ComplaintWords.describes(m.text())) {
            draft = draft.withDescription(m.text().strip());
        }
        return next(c, withAttachments(draft, m));
    }

    /** "belum beres TNG-000123": the reporter says a resolved complaint is not fixed. */
    Outcome reopen(Conversation c, String ticket, InboundMessage m) {
        String key = switch (complaints.reopen(ticket, c.resident(), m.text().strip())) {
            case REOPENED -> "complaint.reopened";
            case NOT_FOUND -> "status.not.found";
            case REFUSED -> "complaint.reopen.refused";
        };
        return Outcome.of(c.with(State.MENU), replies.say(c.language(), key, Map.of("ticket", ticket,
                "example", replies.settings().ticketPrefix() + "-000123")));
    }

    /** Picks a half-filed complaint back up where it stopped. */
    Outcome resume(Conversation c, ComplaintDraft draft) {
        return next(c, draft);
    }

    /**
     * The next answer inside a complaint; the turn's understanding (its {@code category},
     * {@code location} and {@code location_guess} entities) is read only where a reply may name the place.
     */
    Outcome handle(Conversation c, State state, Understanding u) {
        InboundMessage m = u.message();
        return switch (state) {
            case State.ChoosingCategory s -> chooseCategory(c, s.draft(), m);
            case State.AskingLocation s -> giveLocation(c, s.draft(), m);
            case State.AskingDescription s -> describe(c, s.draft(), u);
            case State.Confirming s -> confirm(c, s.draft(), u);
            default -> throw new IllegalArgumentException("not a complaint state: " + state);
        };
    }

    private Outcome chooseCategory(Conversation c, ComplaintDraft draft, InboundMessage m) {
        List<Category> categories = complaints.categories();
        Optional<Category> chosen = Words.number(m.text())
                .filter(n -> n >= 1 && n <= categories.size())
                .map(n -> categories.get(n - 1))
                .or(() -> categoryNamedIn(Words.simplify(m.text())));
        if (chosen.isEmpty()) {
            return Outcome.misunderstood(c, categoryList(c.language(), "complaint.category.again"));
        }
        return next(c, withAttachments(draft.withCategory(chosen.get().code()), m));
    }

    private Outcome giveLocation(Conversation c, ComplaintDraft draft, InboundMessage m) {
        ComplaintDraft d = withAttachments(draft, m);
        String text = m.text().strip();
        if (text.length() >= MIN_TEXT) {
            d = d.withLocation(text);
        } else if (m.location().isPresent()) {
            d = withSharedPoint(d, m);
        } else if (!m.media().isEmpty()) {
            // A photo sent before the words (common on WhatsApp): kept, and the place is asked again.
            return next(c, d);
        } else {
            return Outcome.misunderstood(c, replies.say(c.language(), "complaint.location.again"));
        }
        return next(c, d);
    }

    private Outcome describe(Conversation c, ComplaintDraft draft, Understanding u) {
        InboundMessage m = u.message();
        ComplaintDraft d = withAttachments(draft, m);
        String text = m.text().strip();
        if (m.location().isPresent() && d.location().isEmpty()) {
            // A shared location (its label or address, else its coordinates) is the place; the problem is still to come.
            return next(c, text.length() >= MIN_TEXT ? d.withLocation(text) : withSharedPoint(d, m));
        }
        if (text.length() < MIN_TEXT) {
            // A photo alone is kept, and the description is asked again; a blank or a word is a misunderstanding.
            return m.media().isEmpty() && m.location().isEmpty()
                    ? Outcome.misunderstood(c, replies.say(c.language(), "complaint.description.again"))
                    : next(c, d);
        }
        if (d.location().isEmpty()) {
            // The prompt asked for the problem and its place together: read the place from the reply.
            ComplaintDraft placed = withPlace(d, u.reading());
            if (onlyPlace(text, placed)) {
                return next(c, d.withLocation(text)); // an address alone: the problem is still to come
            }
            if (placed.location().isPresent() && wordsOutside(text, placed) < MIN_DESCRIPTION_WORDS) {
                return next(c, placed); // only a place ("Jl. Merdeka 5"): the problem is still to come
            }
            d = placed;
        }
        return next(c, d.withDescription(text));
    }

    private Outcome confirm(Conversation c, ComplaintDraft summarised, Understanding u) {
        InboundMessage m = u.message();
        if (Words.isNo(m.text())) {
            return Outcome.of(c.with(State.MENU), replies.thenMenu(c.language(), "cancelled"));
        }
        // A photo or a location sent at the summary travels with the complaint too.
        ComplaintDraft draft = withAttachments(summarised, m);
        if (draft.locationGuessed() && !Words.isYes(m.text()) && m.text().strip().length() >= MIN_TEXT) {
            // The summary showed a guessed place and asked for the right one: this reply is it.
            return next(c, draft.withLocation(m.text().strip()));
        }
        if (!Words.isYes(m.text()) && ComplaintWords.tells(m.text())) {
            // Words at the summary are part of the complaint, not noise: a place moves it, anything
            // else adds to what the problem is; the new summary shows it.
            String text = m.text().strip();
            return next(c, onlyPlace(text, withPlace(draft, u.reading())) ? draft.withLocation(text)
                    : draft.withDescription(added(draft.description().orElseThrow(), text)));
        }
        if (!Words.isYes(m.text())) {
            Reply again = replies.say(c.language(), "complaint.confirm.again");
            return draft == summarised ? Outcome.misunderstood(c, again) : Outcome.of(c.with(new State.Confirming(draft)), again);
        }
        // The inbound message id makes filing idempotent: a provider retry that slips past the
        // inbound record (a crash between filing and saving the turn) gets the same ticket.
        FiledComplaint filed = complaints.file(new NewComplaint(m.channel().id() + ":" + m.providerMessageId(),
                c.resident(), draft.categoryCode().orElseThrow(), draft.location().orElseThrow(),
                draft.description().orElseThrow(), draft.point(), draft.photos()));
        // A problem already reported gets its own ticket, linked to the first: the resident follows its updates.
        String key = filed.isDuplicate() ? "notify.filed.duplicate" : "complaint.filed";
        return Outcome.of(c.with(State.MENU), replies.say(c.language(), key,
                Map.of("ticket", filed.ticket(), "agency", filed.agencyName())));
    }

    /** Moves to the first missing field, or to the confirmation when nothing is missing. */
    private Outcome next(Conversation c, ComplaintDraft d) {
        Language lang = c.language();
        if (d.categoryCode().isEmpty()) {
            return Outcome.of(c.with(new State.ChoosingCategory(d)), categoryList(lang, "complaint.category"));
        }
        if (d.description().isEmpty()) {
            // Problem and place in one reply when both are missing: one message less to pay for.
            String key = d.location().isEmpty() ? "complaint.describe" : "complaint.description";
            return Outcome.of(c.with(new State.AskingDescription(d)), replies.say(lang, key,
                    Map.of("category", categoryName(d, lang))));
        }
        if (d.location().isEmpty()) {
            return Outcome.of(c.with(new State.AskingLocation(d)), replies.say(lang, "complaint.location",
                    Map.of("category", categoryName(d, lang))));
        }
        return Outcome.of(c.with(new State.Confirming(d)), summary(d, lang));
    }

    /**
     * The summary to confirm, in one SMS segment where it can be: the resident's words are
     * shortened to fit (they are kept whole in the complaint). A guessed place says so.
     */
    private Reply summary(ComplaintDraft d, Language lang) {
        String location = Replies.echo(d.location().get(), LOCATION_ECHO);
        String check = d.locationGuessed() ? replies.text(lang, "complaint.confirm.check") : "";
        Function<Integer, Reply> fill = max -> replies.say(lang, "complaint.confirm", Map.of(
                "category", categoryName(d, lang), "location", location, "check", check,
                "description", Replies.echo(d.description().get(), max)));
        Reply whole = fill.apply(Replies.ECHO_MAX);
        int over = Gsm7.septets(whole.text()) - Gsm7.ONE_SEGMENT;
        return over <= 0 ? whole : fill.apply(Math.max(MIN_DESCRIPTION_ECHO, Replies.ECHO_MAX - over));
    }

    /** The place the classifier read in a message, when it read one. */
    private static ComplaintDraft withPlace(ComplaintDraft d, Intent intent) {
        Optional<String> place = intent.entity("location").map(String::strip).filter(p -> p.length() >= MIN_TEXT);
        return place.map(p -> d.withLocation(p, intent.entity("location_guess").isPresent())).orElse(d);
    }

    /** The message without the place in it: a street called "Jalan ..." does not make a road complaint. */
    private static String outsidePlace(String text, ComplaintDraft d) {
        return d.location().map(p -> text.replace(p, " ")).orElse(text);
    }

    /** Whether the reply is an address and nothing of the problem ("Jl. Merdeka 12, RT 03/05"). */
    private boolean onlyPlace(String text, ComplaintDraft placed) {
        return PlaceWords.only(text, placed.location(), word -> complaints.categories().stream()
                .anyMatch(cat -> cat.keywords().contains(word)));
    }

    /** The description with more of the resident's words after it. */
    private static String added(String description, String more) {
        String said = description.strip();
        return said.isEmpty() || said.endsWith(".") || said.endsWith("!") || said.endsWith("?")
                ? said + " " + more : said + ". " + more;
    }

    private static int wordsOutside(String text, ComplaintDraft placed) {
        String rest = Words.simplify(outsidePlace(text, placed));
        return rest.isEmpty() ? 0 : rest.split(" ").length;
    }

    /** A location shared from the phone (WhatsApp, Telegram) is the place, written as coordinates. */
    private static ComplaintDraft withSharedPoint(ComplaintDraft d, InboundMessage m) {
        GeoPoint p = m.location().orElseThrow();
        return d.withLocation(p.latitude() + ", " + p.longitude());
    }

    private Optional<Category> category(String code) {
        return complaints.categories().stream().filter(cat -> cat.code().equals(code)).findFirst();
    }

    private Reply categoryList(Language lang, String key) {
        List<String> names = complaints.categories().stream().map(cat -> cat.name(lang)).toList();
        return Replies.inColumns(names, choices -> replies.say(lang, key, Map.of("choices", choices)).text());
    }

    private String categoryName(ComplaintDraft d, Language lang) {
        String code = d.categoryCode().orElseThrow();
        return complaints.categories().stream().filter(cat -> cat.code().equals(code)).findFirst()
                .map(cat -> cat.name(lang)).orElse(code);
    }

    /** The category whose longest keyword appears in the text ("lampu jalan mati" is a street light, not a road). */
    private Optional<Category> categoryNamedIn(String simplified) {
        String padded = " " + simplified + " ";
        Category best = null;
        int bestLength = 0;
        for (Category cat : complaints.categories()) {
            for (String keyword : cat.keywords()) {
                if (keyword.length() > bestLength && padded.contains(" " + keyword + " ")) {
                    best = cat;
                    bestLength = keyword.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static ComplaintDraft withAttachments(ComplaintDraft d, InboundMessage m) {
        ComplaintDraft out = m.media().isEmpty() ? d : d.withPhotos(m.media());
        return m.location().map(out::withPoint).orElse(out);
    }
}
