package id.kanal.dialog.port;

import java.util.List;

/** The intent names every {@link IntentClassifier} uses. */
public final class Intents {
    public static final String COMPLAINT_FILE = "complaint.file";
    public static final String COMPLAINT_STATUS = "complaint.status";
    public static final String PRICE_QUERY = "price.query";
    public static final String SCHEDULE_QUERY = "schedule.query";
    public static final String HANDOFF_REQUEST = "handoff.request";
    public static final String GREETING = "greeting";
    public static final String HELP = "help";
    public static final String THANKS = "thanks";
    public static final String OPTOUT = "optout";
    public static final String OUT_OF_SCOPE = "out_of_scope";

    public static final List<String> ALL = List.of(COMPLAINT_FILE, COMPLAINT_STATUS, PRICE_QUERY, SCHEDULE_QUERY,
            HANDOFF_REQUEST, GREETING, HELP, THANKS, OPTOUT, OUT_OF_SCOPE);

    private Intents() {
    }
}
