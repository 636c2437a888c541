package id.kanal.channels.telegram;

import id.kanal.channels.outbox.HeldReplies;
import id.kanal.channels.outbox.SendResult;
import id.kanal.channels.web.AdapterTexts;
import id.kanal.channels.web.ClientErrorException;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.Language;
import id.kanal.dialog.Masking;
import id.kanal.dialog.Reply;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Kanal's Telegram bot, shared by the webhook and long polling: {@link #accept} turns an
 * update into a dialog turn (committed before it returns), {@link #deliver} then sends the
 * reply with {@code sendMessage}, the menu options as inline buttons.
 *
 * <p>The reply is held in the outbox ({@link HeldReplies}) before {@link #accept} returns, so it
 * is durable before the webhook answers 200: should Kanal die before sending it, the outbox
 * sender delivers it once the bot's claim runs out, and a Telegram retry of the update sends
 * nothing twice. It is still sent directly, because a chat resident expects the answer within a
 * second and the outbox sender (a separate loop) adds its delay; if the direct send fails with
 * something worth retrying (5xx, 429, timeout) the outbox takes the row over with backoff and
 * rate limits. Buttons are lost on that path; the text still lists the numbered options.
 */
public final class TelegramBot {
    private static final System.Logger LOG = System.getLogger(TelegramBot.class.getName());
    /** Update ids handled recently: a Telegram retry after a slow answer must not send a second reply. */
    private static final int RECENT = 10_000;
    /** The bundle key of the answer to a shared contact. */
    static final String LINKED = "telegram.linked";

    private final TelegramApi api;
    private final InboundHandler handler;
    private final TelegramLinks links;
    private final Consumer<OutboundMessage> outbox;
    private final Clock clock;
    private final AdapterTexts texts;
    private final HeldReplies held;
    private final BotScope scope;
    private final Set<String> recent = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT;
                }
            }));

    TelegramBot(TelegramApi api, InboundHandler handler, TelegramLinks links, Consumer<OutboundMessage> outbox,
                Clock clock) {
        this(api, handler, links, a -> Optional.empty(), outbox, clock);
    }

    TelegramBot(TelegramApi api, InboundHandler handler, TelegramLinks links,
                Function<Address, Optional<Language>> languages, Consumer<OutboundMessage> outbox, Clock clock) {
        this(api, handler, links, languages, outbox, HeldReplies.off(), clock);
    }

    TelegramBot(TelegramApi api, InboundHandler handler, TelegramLinks links,
                Function<Address, Optional<Language>> languages, Consumer<OutboundMessage> outbox, HeldReplies held,
                Clock clock) {
        this(api, handler, links, languages, outbox, held, clock, BotScope.UNNAMED);
    }

    /** @param scope which of the deployment's bots this is: its updates' ids, its residents' addresses */
    TelegramBot(TelegramApi api, InboundHandler handler, TelegramLinks links,
                Function<Address, Optional<Language>> languages, Consumer<OutboundMessage> outbox, HeldReplies held,
                Clock clock, BotScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.held = Objects.requireNonNull(held, "held");
        this.texts = new AdapterTexts(Texts.builtIn(), languages);
        this.api = Objects.requireNonNull(api, "api");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.links = Objects.requireNonNull(links, "links");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A bot talking to the Bot API at {@code config.apiUrl()}.
     *
     * @param outbox durably enqueues a message (committed when it returns): the fallback for replies
     */
    public static TelegramBot create(TelegramConfig config, InboundHandler handler, TelegramLinks links,
                                     Consumer<OutboundMessage> outbox, Clock clock) {
        return new TelegramBot(TelegramApi.create(config), handler, links, outbox, clock);
    }

    /**
     * A bot that answers what it says itself (the apology, "number linked") in the resident's language.
     *
     * @param languages the language a resident chose or was recognised in
     *                  ({@link id.kanal.dialog.port.ResidentRegistry#language}), empty when unknown
     */
    public static TelegramBot create(TelegramConfig config, InboundHandler handler, TelegramLinks links,
                                     Function<Address, Optional<Language>> languages,
                                     Consumer<OutboundMessage> outbox, Clock clock) {
        return new TelegramBot(TelegramApi.create(config), handler, links, languages, outbox, clock);
    }

    /**
     * A bot whose replies are held in the outbox before the webhook answers (see the class comment).
     *
     * @param outbox durably enqueues a message: the fallback when nothing is held
     */
    public static TelegramBot create(TelegramConfig config, InboundHandler handler, TelegramLinks links,
                                     Function<Address, Optional<Language>> languages,
                                     Consumer<OutboundMessage> outbox, HeldReplies held, Clock clock) {
        return new TelegramBot(TelegramApi.create(config), handler, links, languages, outbox, held, clock);
    }

    /** A reply waiting to be sent, and its row in the outbox. */
    public record Delivery(String updateId, String chatId, Reply reply, Optional<String> callbackQueryId,
                           HeldReplies.Hold hold) {
    }

    /**
     * Runs the update's turn and holds its reply in the outbox (both durable when this returns);
     * empty when there is nothing to send (ignored type, a duplicate). Throws when Kanal fails, so the webhook answers 500 and Telegram delivers the update again.
     */
    public Optional<Delivery> accept(Update update) {
        TelegramUpdate parsed = TelegramUpdate.of(update, clock.instant(), scope);
        return switch (parsed) {
            case TelegramUpdate.Ignored i -> {
                LOG.log(System.Logger.Level.INFO, "ignored channel=telegram update={0} reason={1}",
                        String.valueOf(update.getUpdateId()), i.reason());
                yield Optional.empty();
            }
            case TelegramUpdate.SharedContact c -> {
                if (recent.contains(c.updateId())) {
                    yield duplicate(c.updateId());
                }
                // Within the bot's region: its resident's number to its chat, as STOP and notifications know them.
                links.link(scope.number(c.e164()).value(), scope.resident(c.chatId()).value());
                LOG.log(System.Logger.Level.INFO, "linked channel=telegram chat={0} phone={1}",
                        Masking.mask(c.chatId()), Masking.mask(c.e164()));
                yield Optional.of(delivery(c.updateId(), c.chatId(), Reply.of(linked(c)), Optional.empty()));
            }
            case TelegramUpdate.Input in -> {
                String id = in.message().providerMessageId();
                if (recent.contains(id)) {
                    yield duplicate(id);
                }
                LOG.log(System.Logger.Level.DEBUG, "inbound channel=telegram update={0} text={1}", id, in.message().text());
                // The dialog deduplicates by update_id too (durably): after a restart a retried
                // update gets its first reply again, never a second turn.
                Reply reply = handler.handle(in.message());
                yield Optional.of(delivery(id, in.message().from().value(), reply, in.callbackQueryId()));
            }
        };
    }

    /** The delivery with its reply held in the outbox (nothing to hold for silence). */
    private Delivery delivery(String updateId, String chatId, Reply reply, Optional<String> callbackQueryId) {
        HeldReplies.Hold hold = reply.isSilent() ? new HeldReplies.Hold.Off()
                : held.hold("telegram-reply:" + chatId + ":" + updateId, message(chatId, reply), clock.instant());
        return new Delivery(updateId, chatId, reply, callbackQueryId, hold);
    }

    /** The reply as the outbox keeps it: to the chat as this bot's region knows it, so the outbox sends it with this bot. */
    private OutboundMessage message(String chatId, Reply reply) {
        return new OutboundMessage(scope.resident(chatId), reply.text(), "telegram-reply",
                OutboundMessage.REPLY, Optional.empty());
    }

    /** Answers the button (if any) and sends the reply; never throws. */
    public void deliver(Delivery d) {
        if (!recent.add(d.updateId())) {
            return;
        }
        try {
            d.callbackQueryId().ifPresent(id -> {
                if (!(api.answerCallback(id) instanceof SendResult.Sent)) {
                    LOG.log(System.Logger.Level.WARNING, "answerCallbackQuery failed update={0}", d.updateId());
                }
            });
            if (d.reply().isSilent()) {
                // An agent owns the chat, or a repeated STOP: the dialog chose to say nothing, so nothing is sent.
                return;
            }
            if (d.hold() instanceof HeldReplies.Hold.Earlier) {
                // Held before a crash, and the update came again: the outbox delivers that row.
                LOG.log(System.Logger.Level.INFO, "reply already held channel=telegram chat={0}: the outbox sends it",
                        Masking.mask(d.chatId()));
                return;
            }
            Optional<OutboxItem> row = d.hold() instanceof HeldReplies.Hold.Mine m ? Optional.of(m.item()) : Optional.empty();
            SendResult result = api.sendMessage(d.chatId(), d.reply().text(), d.reply().options());
            switch (result) {
                case SendResult.Sent s -> {
                    LOG.log(System.Logger.Level.DEBUG, "sent channel=telegram chat={0} message={1}",
                            Masking.mask(d.chatId()), s.providerId());
                    row.ifPresent(item -> held.sent(item, s.providerId(), clock.instant()));
                }
                case SendResult.RetryLater r -> {
                    LOG.log(System.Logger.Level.WARNING, "send deferred to outbox channel=telegram chat={0} error={1}",
                            Masking.mask(d.chatId()), r.error());
                    if (row.isPresent()) {
                        held.retry(row.get(), r.error(), clock.instant());
                    } else {
                        outbox.accept(message(d.chatId(), d.reply()));
                    }
                }
                case SendResult.Failed f -> {
                    LOG.log(System.Logger.Level.WARNING, "send failed channel=telegram chat={0} optedOut={1} error={2}",
                            Masking.mask(d.chatId()), f.residentOptedOut(), f.error());
                    row.ifPresent(item -> held.failed(item, f.error(), clock.instant()));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "delivery failed channel=telegram chat=" + Masking.mask(d.chatId()), e);
        }
    }

    /**
     * The answer to a shared contact: in the chat's language, else the number's (the same person
     * on SMS), else in every language, since a chat may share its contact before it says anything.
     */
    private String linked(TelegramUpdate.SharedContact c) {
        Optional<Language> lang = texts.languageOf(scope.resident(c.chatId()))
                .or(() -> texts.languageOf(scope.number(c.e164())));
        return lang.map(l -> texts.get(l, LINKED)).orElseGet(() -> texts.inEveryLanguage(LINKED));
    }

    /** Both steps, for long polling (no provider retry there: a failed turn gets an apology). */
    void handle(Update update) {
        Optional<Delivery> d;
        try {
            d = accept(update);
        } catch (ClientErrorException e) {
            // Polling cannot refuse an update: one the webhook would answer 413 is skipped.
            LOG.log(System.Logger.Level.INFO, "ignored channel=telegram update={0} reason={1}",
                    String.valueOf(update.getUpdateId()), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed channel=telegram update=" + update.getUpdateId(), e);
            TelegramUpdate parsed = TelegramUpdate.of(update, clock.instant(), scope);
            if (parsed instanceof TelegramUpdate.Input in) {
                api.sendMessage(in.message().from().value(), texts.apology(in.message().from()), List.of());
            }
            return;
        }
        d.ifPresent(this::deliver);
    }

    private static Optional<Delivery> duplicate(String id) {
        LOG.log(System.Logger.Level.INFO, "duplicate channel=telegram update={0}: already answered", id);
        return Optional.empty();
    }
}
