package id.kanal.dialog;

import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.FiledComplaint;
import id.kanal.dialog.port.NewComplaint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Filing a complaint: category, location, description, confirmation, ticket. Asks only for what is missing. */
final class ComplaintFlow {
    private static final int MIN_TEXT = 3;
    /** "... di Jl. Sudirman 5", "near Jalan Merdeka": a place named in the first message. */
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "(?iu)\\b(?:di|dekat|depan|at|near|on)\\s+((?:jl|jln|jalan|gg|gang|perum|perumahan|komplek|kompleks|blok"
                    + "|rt|rw|kel|kelurahan|kec|kecamatan|pasar|street|road)\\b.{3,})");

    private final Replies replies;
    private final ComplaintService complaints;

    ComplaintFlow(Replies replies, ComplaintService complaints) {
        this.replies = replies;
        this.complaints = complaints;
    }

    /** Starts from a message that asked to complain; it may already name the category. */
    Outcome start(Conversation c, InboundMessage m) {
        ComplaintDraft draft = ComplaintDraft.empty();
        Optional<Category> named = categoryNamedIn(Words.simplify(m.text()));
        if (named.isPresent()) {
            draft = draft.withCategory(named.get().code());
        }
        java.util.regex.Matcher place = PLACE.matcher(m.text());
        if (place.find()) {
            draft = draft.withLocation(place.group(1).strip());
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

    Outcome handle(Conversation c, State state, InboundMessage m) {
        return switch (state) {
            case State.ChoosingCategory s -> chooseCategory(c, s.draft(), m);
            case State.AskingLocation s -> giveLocation(c, s.draft(), m);
            case State.AskingDescription s -> describe(c, s.draft(), m);
            case State.Confirming s -> confirm(c, s.draft(), m);
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
            d = d.withLocation(m.location().get().latitude() + ", " + m.location().get().longitude());
        } else if (!m.media().isEmpty()) {
            // A photo sent before the words (common on WhatsApp): kept, and the place is asked again.
            return next(c, d);
        } else {
            return Outcome.misunderstood(c, replies.say(c.language(), "complaint.location.again"));
        }
        return next(c, d);
    }

    private Outcome describe(Conversation c, ComplaintDraft draft, InboundMessage m) {
        ComplaintDraft d = withAttachments(draft, m);
        String text = m.text().strip();
        if (text.length() < MIN_TEXT) {
            // A photo alone is kept, and the description is asked again; a blank or a word is a misunderstanding.
            return m.media().isEmpty() && m.location().isEmpty()
                    ? Outcome.misunderstood(c, replies.say(c.language(), "complaint.description.again"))
                    : next(c, d);
        }
        return next(c, d.withDescription(text));
    }

    private Outcome confirm(Conversation c, ComplaintDraft summarised, InboundMessage m) {
        if (Words.isNo(m.text())) {
            return Outcome.of(c.with(State.MENU), replies.thenMenu(c.language(), "cancelled"));
        }
        // A photo or a location sent at the summary travels with the complaint too.
        ComplaintDraft draft = withAttachments(summarised, m);
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
        if (d.location().isEmpty()) {
            return Outcome.of(c.with(new State.AskingLocation(d)), replies.say(lang, "complaint.location",
                    Map.of("category", categoryName(d, lang))));
        }
        if (d.description().isEmpty()) {
            return Outcome.of(c.with(new State.AskingDescription(d)), replies.say(lang, "complaint.description"));
        }
        return Outcome.of(c.with(new State.Confirming(d)), replies.say(lang, "complaint.confirm", Map.of(
                "category", categoryName(d, lang),
                "location", Replies.echo(d.location().get()),
                "description", Replies.echo(d.description().get()))));
    }

    private Reply categoryList(Language lang, String key) {
        List<String> names = complaints.categories().stream().map(cat -> cat.name(lang)).toList();
        return Replies.numbered(key, names, choices -> replies.say(lang, key, Map.of("choices", choices)).text());
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
