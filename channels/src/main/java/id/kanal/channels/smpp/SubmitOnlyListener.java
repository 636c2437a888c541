package id.kanal.channels.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;

/** The server side of an SMSC that takes only {@code submit_sm}: every other operation answers {@code ESME_RINVCMDID}. */
abstract class SubmitOnlyListener implements ServerMessageReceiverListener {
    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
            throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

private static ProcessRequestException unsupported(String operation) {
    return new ProcessRequestException(operation + " not supported", SMPPConstant.STAT_ESME_RINVCMDID);
}
}
