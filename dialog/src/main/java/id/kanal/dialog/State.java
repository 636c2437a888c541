package id.kanal.dialog;

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

    /** Describing the problem (free text). */
    record AskingDescription(ComplaintDraft draft) implements State {
    }

    /** Confirming the summary (yes/no). */
    record Confirming(ComplaintDraft draft) implements State {
    }

    /** Writing a ticket code to look up. */
    record AskingTicket() implements State {
    }

    /** Choosing the reply language (1 or 2). */
    record ChoosingLanguage() implements State {
    }

    State MENU = new Menu();
}
