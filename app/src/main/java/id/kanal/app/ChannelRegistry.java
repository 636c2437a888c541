package id.kanal.app;

import id.kanal.channels.ChannelType;
import id.kanal.channels.telegram.TelegramChannel;
import id.kanal.channels.twilio.TwilioChannel;
import id.kanal.channels.smpp.SmppChannel;
import id.kanal.channels.ussd.UssdChannel;

import java.util.List;

/**
 * Every channel Kanal knows: adding a provider is its package under {@code channels} and one
 * line here (see {@code channels/README.md}). Its settings are read at start with the rest;
 * the channels their settings activate are mounted, send, report health, start and stop.
 */
final class ChannelRegistry {
    static final List<ChannelType<?>> ALL = List.of(
            TwilioChannel.TYPE,
            TelegramChannel.TYPE,
            UssdChannel.TYPE,
            SmppChannel.TYPE);

    private ChannelRegistry() {
    }
}
