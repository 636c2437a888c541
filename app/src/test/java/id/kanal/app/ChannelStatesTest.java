package id.kanal.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The start log's channel line says what each channel does: the harness's Kanal has a Twilio auth
 * token (webhooks on) and no account to send with, no Telegram bot and no USSD gateway, so Twilio
 * receives only and the others are off; never "active" for a channel that cannot work.
 */
class ChannelStatesTest extends KanalOnServer {
    @Test
    void withoutCredentials_channelsAreOff_notActive() {
        assertEquals("receiving=[twilio] sending=[] off=[telegram, ussd]",
                Channels.states(kanal.kanal().channels().active()));
    }
}
