/**
 * SMPP 3.4: SMS and USSD straight from Indonesian operators, aggregators and city gateways (Kannel,
 * Jasmin), with Kanal as the ESME over jSMPP. Maps PDUs to the dialog's records, reassembles long
 * messages, acknowledges a {@code deliver_sm} only after its turn is committed, sends through the
 * outbox and reads delivery receipts. Depends on dialog, the channel contract, the USSD flow and
 * jSMPP; what it keeps durably goes through {@link id.kanal.channels.smpp.SmppLedger}, which app implements.
 */
package id.kanal.channels.smpp;
