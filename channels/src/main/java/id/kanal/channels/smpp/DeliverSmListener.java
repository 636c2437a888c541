package id.kanal.channels.smpp;

import id.kanal.dialog.Masking;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One link's inbound {@code deliver_sm}. jSMPP answers with {@code deliver_sm_resp} when this
 * returns, so a resident's message returns only once its turn and reply are committed; a
 * failure of Kanal's answers {@code ESME_RX_T_APPN} (the SMSC delivers it again later), a PDU
 * Kanal cannot read {@code ESME_RX_R_APPN} (it would fail again). A part of a longer message
 * is answered once the ledger holds it durably: the turn runs when the last part arrives or the
 * wait runs out, also after a restart.
 */
final class DeliverSmListener implements MessageReceiverListener {
    private static final System.Logger LOG = System.getLogger(DeliverSmListener.class.getName());
    private static final Executor SCREENS = Executors.newVirtualThreadPerTaskExecutor();

    private final String link;
    private final SmppConnection config;
    private final Reassembler reassembler;
    private final SmsTurns turns;
    private final SmppReceipts receipts;
    private final Optional<SmppUssd> ussd;
    private final Supplier<SmppLink> self;

    DeliverSmListener(SmppConnection config, Reassembler reassembler, SmsTurns turns, SmppReceipts receipts,
                      Optional<SmppUssd> ussd, Supplier<SmppLink> self) {
        this.link = config.name();
        this.config = config;
        this.reassembler = reassembler;
        this.turns = turns;
        this.receipts = receipts;
        this.ussd = ussd;
        this.self = self;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        SmppInbound in;
        try {
            in = DeliverSmReader.read(DeliverPdu.of(deliverSm), config.packed());
        } catch (MalformedPduException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected link={0} from={1}: {2}", link,
                    Masking.mask(deliverSm.getSourceAddr()), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RX_R_APPN);
        }
        try {
            switch (in) {
                case SmppInbound.Receipt r -> receipts.apply(link, r);
                case SmppInbound.Ussd u -> ussd(u);
                case SmppInbound.Part p -> reassembler.accept(p, whole -> turns.run(link, whole));
            }
        } catch (MalformedPduException e) {
            LOG.log(System.Logger.Level.WARNING, "rejected link={0} from={1}: {2}", link,
                    Masking.mask(deliverSm.getSourceAddr()), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RX_R_APPN);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed link=" + link + " from=" + Masking.mask(deliverSm.getSourceAddr())
                    + ": the SMSC will deliver it again", e);
            throw new ProcessRequestException("temporary failure", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    private void ussd(SmppInbound.Ussd u) {
        if (ussd.isEmpty()) {
            throw new MalformedPduException("USSD is not served on this link");
        }
        Optional<SmppUssd.Answer> answer = ussd.get().answer(link, config.ussdCode(), u);
        // The screen goes out after this returns, so the deliver_sm_resp leads.
        answer.ifPresent(a -> SCREENS.execute(() -> submitScreen(u, a)));
    }

    private void submitScreen(SmppInbound.Ussd u, SmppUssd.Answer a) {
        SmppText.Encoded e = SmppText.single(a.text(), config.packed());
        List<OptionalParameter> echo = new ArrayList<>();
        echo.add(new OptionalParameter.Ussd_service_op((byte) a.op()));
        u.sessionInfo().ifPresent(i -> echo.add(new OptionalParameter.Its_session_info(i.shortValue())));
        u.userRef().ifPresent(r -> echo.add(new OptionalParameter.User_message_reference(r.shortValue())));
        try {
            self.get().submit(answeredFrom(u), u.source(), 0, e.dataCoding(), e.parts().get(0), false, echo.toArray(new OptionalParameter[0]));
        } catch (SmppLink.Refused | SmppLink.Unavailable ex) {
            LOG.log(System.Logger.Level.WARNING, "USSD screen not sent link={0} to={1}: {2}", link,
                    Masking.mask(u.source()), ex.getMessage());
        }
    }

    /**
     * A screen answers from the address the resident dialled (the PDU's destination, e.g. a
     * region's {@code *500*22#}), source and destination swapped as for an SMS reply, so a link
     * carrying several regions' codes answers each from its own; without one, the link's source.
     */
    private static Optional<String> answeredFrom(SmppInbound.Ussd u) {
        return Optional.ofNullable(u.dest()).map(String::strip).filter(d -> !d.isEmpty());
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.log(System.Logger.Level.DEBUG, "alert_notification link={0} ignored", link);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
