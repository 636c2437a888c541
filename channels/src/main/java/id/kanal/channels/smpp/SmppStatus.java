package id.kanal.channels.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;

/** Names for SMPP command statuses (SMPP 3.4 section 5.1.3), and which ones are worth retrying. */
final class SmppStatus {
    private SmppStatus() {
    }

    /** Throttling and a full queue pass; the outbox tries again with backoff. */
    static boolean retryable(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL
                || status == SMPPConstant.STAT_ESME_RSYSERR || status == SMPPConstant.STAT_ESME_RX_T_APPN;
    }

    static String describe(int status) {
        String name = switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED -> "ESME_RTHROTTLED throttled";
            case SMPPConstant.STAT_ESME_RMSGQFUL -> "ESME_RMSGQFUL message queue full";
            case SMPPConstant.STAT_ESME_RINVDSTADR -> "ESME_RINVDSTADR invalid destination address";
            case SMPPConstant.STAT_ESME_RINVSRCADR -> "ESME_RINVSRCADR invalid source address";
            case SMPPConstant.STAT_ESME_RINVPASWD -> "ESME_RINVPASWD invalid password";
            case SMPPConstant.STAT_ESME_RINVSYSID -> "ESME_RINVSYSID invalid system id";
            case SMPPConstant.STAT_ESME_RBINDFAIL -> "ESME_RBINDFAIL bind failed";
            case SMPPConstant.STAT_ESME_RSYSERR -> "ESME_RSYSERR system error";
            case SMPPConstant.STAT_ESME_RSUBMITFAIL -> "ESME_RSUBMITFAIL submit failed";
            case SMPPConstant.STAT_ESME_RINVDCS -> "ESME_RINVDCS invalid data coding";
            default -> "command_status";
        };
        return name + " (0x" + Integer.toHexString(status) + ")";
    }

    /** Why a call failed, with a negative response's status named; never anything from the request. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException n) {
                return describe(n.getCommandStatus());
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
