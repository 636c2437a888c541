package id.kanal.dialog;

import id.kanal.dialog.port.Intent;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.Intents;
import id.kanal.dialog.port.Trip;

import java.util.Objects;
import java.util.Optional;

/**
 * What one inbound message says, worked out once per turn: its simplified words, the
 * classifier's reading (intent, confidence, entities) and the trip it asks about, each asked for
 * lazily and at most once. The
 * menu, a change of mind, a request for an agent and a complaint's description all read the
 * same understanding instead of classifying the text again. Not thread-safe: one turn's.
 */
final class Understanding {
    private static final System.Logger LOG = System.getLogger(Understanding.class.getName());
    private static final Intent NOTHING = Intent.of(Intents.OUT_OF_SCOPE, 0);

    private final InboundMessage message;
    private final IntentClassifier classifier;
    private String simple;
    private Optional<String> ticket;
    private Intent intent;
    private RuntimeException failure;
    private Trip trip;

    Understanding(InboundMessage message, IntentClassifier classifier) {
        this.message = Objects.requireNonNull(message, "message");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    InboundMessage message() {
        return message;
    }

    String text() {
        return message.text();
    }

    /** The text lower-cased, punctuation out ({@link Words#simplify}). */
    String simple() {
        if (simple == null) {
            simple = Words.simplify(message.text());
        }
        return simple;
    }

    /** The first ticket code in the text ({@link Words#ticket}): the command check and the menu both ask. */
    Optional<String> ticket() {
        if (ticket == null) {
            ticket = Words.ticket(message.text());
        }
        return ticket;
    }

    /** "lapor", "complaint": the message asks to file a complaint, whatever else it says. */
    boolean asksToComplain() {
        return Words.hasAnyWord(simple(), ComplaintWords.REQUEST);
    }

    /**
     * The classifier's reading. A classifier that failed fails the turn here (the menu cannot
     * answer without it); the failure is kept, so the classifier is not asked twice.
     */
    Intent intent() {
        classify();
        if (failure != null) {
            throw failure;
        }
        return intent;
    }

    /** The classifier's reading, or "out of scope" with no confidence when the classifier failed. */
    Intent reading() {
        classify();
        return failure != null ? NOTHING : intent;
    }

    /**
     * The trip the message asks about, read by the classifier when first asked (a schedule
     * question, an answer to "from where?"); none when the classifier failed.
     */
    Trip trip() {
        if (trip == null) {
            try {
                trip = classifier.trip(message.text(), reading());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "classifier failed to read a trip: {0}", e.toString());
                trip = Trip.NONE;
            }
        }
        return trip;
    }

    private void classify() {
        if (intent != null || failure != null) {
            return;
        }
        try {
            intent = classifier.classify(message.text());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "classifier failed: {0}", e.toString());
            failure = e;
        }
    }
}
