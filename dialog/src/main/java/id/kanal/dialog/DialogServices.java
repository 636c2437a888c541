package id.kanal.dialog;

import id.kanal.dialog.port.ComplaintService;
import id.kanal.dialog.port.ConversationStore;
import id.kanal.dialog.port.IntentClassifier;

import java.util.Objects;

/** The ports the dialog engine calls. */
public record DialogServices(ConversationStore conversations, IntentClassifier classifier,
                             ComplaintService complaints) {
    public DialogServices {
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(complaints, "complaints");
    }
}
