package id.kanal.store.console;

import id.kanal.dialog.Address;

import java.time.Instant;
import java.util.List;

/**
 * What the console's simulator reads and writes beside the engine: the WhatsApp window a real
 * message would open, and what Kanal queued for an address the simulator has used.
 */
public interface SimulatorInbox {
    /** A message Kanal queued; {@code channel} is where it goes. */
    record SentMessage(String id, String body, String kind, long at, String channel) {
    }

    /** Records a WhatsApp message from the resident, as the Twilio adapter does for real ones: the 24-hour window opens. */
    void whatsAppInbound(String phone, Instant at);

    /**
     * What was queued for {@code to} after {@code afterMillis}, oldest first; empty unless both are
     * simulated residents ({@link Address#isSimulated}), so it cannot read a real resident's messages.
     */
    List<SentMessage> sentTo(Address from, Address to, long afterMillis);
}
