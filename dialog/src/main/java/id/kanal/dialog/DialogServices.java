package id.kanal.dialog;

import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ContentPacks;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.IntentClassifier;
import id.kanal.dialog.port.PriceService;
import id.kanal.dialog.port.ResidentRegistry;
import id.kanal.dialog.port.ScheduleService;

import java.util.Objects;

/** The ports the dialog engine calls. {@code packs}: the region's content packs (menu entries after the built-in ones). */
public record DialogServices(ConversationStore conversations, ResidentRegistry residents,
                             IntentClassifier classifier, ComplaintService complaints, PriceService prices,
                             ScheduleService schedules, ContentPacks packs) {
    public DialogServices {
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(residents, "residents");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(complaints, "complaints");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(packs, "packs");
    }

    /** Without content packs. */
    public DialogServices(ConversationStore conversations, ResidentRegistry residents, IntentClassifier classifier,
                          ComplaintService complaints, PriceService prices, ScheduleService schedules) {
        this(conversations, residents, classifier, complaints, prices, schedules, ContentPacks.none());
    }
}
