package id.kanal.app.console;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.services.console.ConsoleComplaints;
import id.kanal.store.console.ConversationSummary;

import java.util.List;
import java.util.Optional;

/**
 * The desk rules, in one place: an account sees and changes only the complaints of its region
 * (all of them for a provincial account) and, for an agency account, only those routed to its
 * agency; moving a complaint to another agency is a supervisor's action. Every refusal is a 403
 * that says why. Routes call it with one line each.
 */
public final class DeskPolicy {
    private static final String ACCOUNT = "your account";
    private final DeskDirectory directory;

    public DeskPolicy(DeskDirectory directory) {
        this.directory = directory;
    }

    /**
     * Why this desk may not see or change the complaint (its ticket, the agency it is routed to and
     * that agency's name), or empty when it may: the same rule for console accounts and for the
     * staff API's scoped tokens ({@code holder} names who is refused: "your account", "this token").
     */
    public Optional<String> refusal(Desk desk, String ticket, String agency, String agencyName, String holder) {
        if (desk.region().isPresent() && !directory.regionOfTicket(ticket).equals(desk.region())) {
            return Optional.of(ticket + " is not a complaint of region " + desk.region().get()
                    + ", where " + holder + " works");
        }
        if (desk.agency().isPresent() && !desk.agency().get().equals(agency)) {
            return Optional.of(ticket + " is routed to " + agencyName + "; " + holder + " works on the "
                    + "complaints of " + agencyName(desk) + " only");
        }
        return Optional.empty();
    }

    /** Why the desk may not ask for another agency's list, or empty when it may ({@code asked} the agency asked for). */
    public Optional<String> listRefusal(Desk desk, Optional<String> asked, String holder) {
        Optional<String> own = desk.agency();
        if (own.isPresent() && asked.isPresent() && !asked.equals(own)) {
            return Optional.of(holder + " works on the complaints of " + agencyName(desk) + " only, not "
                    + asked.get() + "'s");
        }
        return Optional.empty();
    }

    /** 403 unless the account's desk covers the complaint. */
    void check(Session s, ConsoleComplaints.Row complaint) {
        refusal(s.desk(), complaint).ifPresent(why -> {
            throw ConsoleException.forbidden(why);
        });
    }

    /** 403 unless the account's region is the conversation's (the queue of a region is its own). */
    void checkConversation(Session s, Address resident) {
        if (!covers(s.desk(), resident)) {
            throw ConsoleException.forbidden("this conversation is region " + directory.regionOfConversation(resident)
                    .orElse("?") + "'s; your account works in region " + s.desk().region().orElseThrow());
        }
    }

    /** Only the conversations of the account's region (all of them for a provincial account). */
    List<ConversationSummary> visibleConversations(Session s, List<ConversationSummary> rows) {
        return rows.stream().filter(r -> covers(s.desk(), new Address(Channel.of(r.channel()), r.address()))).toList();
    }

    /** Whether the desk's region is the conversation's (every region's for a provincial desk). */
    boolean covers(Desk desk, Address resident) {
        return desk.region().isEmpty() || directory.regionOfConversation(resident).equals(desk.region());
    }

    /** 403 unless the account may move the complaint to another agency. */
    void checkReassign(Session s, ConsoleComplaints.Row complaint) {
        if (!s.role().atLeast(Role.SUPERVISOR)) {
            throw ConsoleException.forbidden("moving a complaint to another agency is a supervisor's action");
        }
        check(s, complaint);
    }

    /** The list filter narrowed to the account's agency; 403 when it asks for another agency's. */
    ConsoleComplaints.Filter scope(Session s, ConsoleComplaints.Filter f) {
        Optional<String> own = s.desk().agency();
        if (own.isEmpty()) {
            return f;
        }
        listRefusal(s.desk(), f.agency(), ACCOUNT).ifPresent(why -> {
            throw ConsoleException.forbidden(why);
        });
        return new ConsoleComplaints.Filter(f.status(), f.category(), own, f.overdueOnly(), f.limit(), f.search());
    }

    /** Only the complaints the account's desk covers (lists keep their order). */
    List<ConsoleComplaints.Row> visible(Session s, List<ConsoleComplaints.Row> rows) {
        return visible(s, rows, r -> r);
    }

    /** Only the items whose complaint the account's desk covers (an export's rows, for one). */
    <T> List<T> visible(Session s, List<T> items, java.util.function.Function<T, ConsoleComplaints.Row> complaint) {
        return items.stream().filter(i -> refusal(s.desk(), complaint.apply(i)).isEmpty()).toList();
    }

    private Optional<String> refusal(Desk desk, ConsoleComplaints.Row c) {
        return refusal(desk, c.ticket(), c.agency(), c.agencyName(), ACCOUNT);
    }

    private String agencyName(Desk desk) {
        String code = desk.agency().orElseThrow();
        return directory.agencyName(desk.region(), code).orElse(code);
    }
}
