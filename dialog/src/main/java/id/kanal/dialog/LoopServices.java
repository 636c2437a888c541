package id.kanal.dialog;

import id.kanal.dialog.port.AlertSubscriptions;
import id.kanal.dialog.port.ResidentQuestions;

import java.util.Objects;

/** The ports that close the loop with residents: questions asked after the fact, and alert subscriptions. */
public record LoopServices(ResidentQuestions questions, AlertSubscriptions alerts) {
    public LoopServices {
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** Neither: no questions are asked, no subscriptions kept. */
    public static LoopServices none() {
        return new LoopServices(ResidentQuestions.none(), AlertSubscriptions.none());
    }
}
