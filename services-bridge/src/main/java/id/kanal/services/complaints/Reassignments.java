package id.kanal.services.complaints;

import java.util.List;

/**
 * Moving a complaint to another agency (routing by category got it wrong), with the reason kept.
 * Who may do it is the caller's policy; this checks only what the complaint allows.
 */
public interface Reassignments {
    /**
     * Routes an open complaint, and the duplicates linked to it that are still with its agency, to
     * another agency; the status stays as it is.
     *
     * @param by who moved it ({@code agent:<name>} for a console account)
     * @throws IllegalArgumentException   for an unknown agency, the agency it is already with, or a blank reason
     * @throws ComplaintNotFoundException for an unknown ticket
     * @throws TransitionRefusedException when the complaint is closed (resolved or rejected)
     */
    Reassignment reassign(String ticket, String toAgency, String reason, String by);

    /** The complaint's reassignments, oldest first. */
    List<Reassignment> of(String ticket);
}
