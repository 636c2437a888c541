package id.kanal.channels.outbox;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.dialog.port.OutboxItem;
import id.kanal.dialog.port.OutboxQueue;
import id.kanal.dialog.port.ResidentRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox: claims due rows (replies before bulk), sends each through its channel's
 * {@link ChannelSender}, and records the outcome: sent with the provider's id, retried later
 * with exponential backoff (or the provider's {@code retry_after}), or failed with the error.
 *
 * <p><b>Never twice, as far as the providers allow.</b> A row is claimed with a lease (status
 * {@code SENDING}, a claim id, an expiry); only its claimer may record the outcome, and
 * another sender takes it only once the lease ran out, i.e. after a crash. The one window left
 * is a crash (or a lost HTTP response, e.g. a timeout) after the provider accepted a message
 * and before Kanal recorded it: Twilio's Messages API has no idempotency key, so the message
 * is sent again. That is at-least-once; the window is one HTTP call plus one small commit.
 *
 * <p><b>Opted-out residents.</b> Bulk messages (priority {@link OutboundMessage#BULK}: status
 * notifications, reminders) are never sent to a resident who stopped; they fail with
 * "resident opted out". Replies ({@link OutboundMessage#REPLY}: an agent answering the
 * resident, a USSD receipt) answer something the resident just asked for, so they go.
 *
 * <p>Tests call {@link #drainOnce()} with an injected clock; production calls {@link #start()},
 * a virtual thread that drains, then sleeps until the next row falls due, {@link #wake()} is
 * called (after a commit that enqueued something), or the poll interval passes.
 */
public final class OutboxSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());
    static final String OPTED_OUT = "resident opted out";

    private final OutboxQueue queue;
    private final ResidentRegistry residents;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final OutboxPolicy policy;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private Thread thread;

    public OutboxSender(OutboxQueue queue, ResidentRegistry residents, List<ChannelSender> channelSenders,
                        OutboxPolicy policy, Clock clock) {
        this(queue, residents, channelSenders, policy, clock, ArrivalTimes.inMemory());
    }

    /** @param rates where the send rates are counted: {@link ArrivalTimes#inMemory()}, or shared by several nodes */
    public OutboxSender(OutboxQueue queue, ResidentRegistry residents, List<ChannelSender> channelSenders,
                        OutboxPolicy policy, Clock clock, ArrivalTimes rates) {
        this.queue = queue;
        this.residents = residents;
        for (ChannelSender s : channelSenders) {
            for (Channel c : s.channels()) {
                if (senders.putIfAbsent(c, s) != null) {
                    throw new IllegalArgumentException("two senders for channel " + c.id());
                }
            }
        }
        this.policy = policy;
        this.limiter = new RateLimiter(policy.rates(), rates);
        this.clock = clock;
    }

    /** The channels this sender delivers; rows of other channels wait for a node that has them. */
    public Set<Channel> channels() {
        return senders.keySet();
    }

    /** Sends every row due now (and those falling due while it runs); returns how many rows it handled. */
    public int drainOnce() {
        int handled = 0;
        while (!closed) {
            Instant claimedAt = clock.instant();
            List<OutboxItem> batch = queue.claimDue(channels(), claimedAt, policy.lease(), policy.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            // Past half the lease (slow sends in a big batch), another node could soon take the
            // rest of the batch: hand it back instead of racing that node.
            Instant handBackAfter = claimedAt.plus(policy.lease().dividedBy(2));
            for (OutboxItem item : batch) {
                if (closed || clock.instant().isAfter(handBackAfter)) {
                    // Give it back at once: the next claimer need not wait for the lease.
                    queue.reschedule(item, clock.instant(), Optional.empty());
                } else if (deliver(item)) {
                    handled++;
                }
            }
        }
        return handled;
    }

    /** Sends one claimed row; false when it was only put back for the rate limit. */
    private boolean deliver(OutboxItem item) {
        OutboundMessage m = item.message();
        Address to = m.to();
        Instant now = clock.instant();
        if (m.priority() != OutboundMessage.REPLY && residents.isOptedOut(to)) {
            queue.markFailed(item, OPTED_OUT, now);
            LOG.log(System.Logger.Level.INFO, "skipped id={0} kind={1} to={2}: {3}", item.id(), m.kind(), to.masked(), OPTED_OUT);
            return true;
        }
        Duration wait = limiter.tryAcquire(to, now);
        if (!wait.isZero()) {
            queue.reschedule(item, now.plus(wait), Optional.empty());
            return false;
        }
        SendResult result;
        try {
            // A resident of a non-default region is reached at their bare number, from the region's own sender
            // (or from the identity the message names: the short code they wrote to).
            result = senders.get(to.channel()).send(to.bare(), m.body(), m.template(), to.region(), m.from());
        } catch (RuntimeException e) {
            // A sender must classify every answer; if one throws anyway, retry rather than lose the row.
            LOG.log(System.Logger.Level.ERROR, "sender threw id=" + item.id() + " channel=" + to.channel().id(), e);
            result = new SendResult.RetryLater(e.toString(), Optional.empty());
        }
        Instant done = clock.instant();
        switch (result) {
            case SendResult.Sent sent -> {
                if (queue.markSent(item, sent.providerId(), to.channel().id(), done)) {
                    LOG.log(System.Logger.Level.INFO, "sent id={0} kind={1} channel={2} to={3} provider_id={4} attempt={5}",
                            item.id(), m.kind(), to.channel().id(), to.masked(), sent.providerId(), item.attempts() + 1);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "sent id={0} provider_id={1} after its claim was lost "
                            + "(lease {2} too short?): it may go out twice", item.id(), sent.providerId(), policy.lease());
                }
            }
            case SendResult.RetryLater retry -> {
                int attempts = item.attempts() + 1;
                if (attempts >= policy.maxAttempts()) {
                    queue.markFailed(item, "gave up after " + attempts + " attempts: " + retry.error(), done);
                    LOG.log(System.Logger.Level.WARNING, "failed id={0} to={1} attempts={2} error={3}", item.id(),
                            to.masked(), attempts, retry.error());
                } else {
                    Duration backoff = policy.backoff(attempts);
                    Duration delay = retry.retryAfter().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
                    queue.reschedule(item, done.plus(delay), Optional.of(retry.error()));
                    LOG.log(System.Logger.Level.INFO, "retry id={0} to={1} attempt={2} in={3} error={4}", item.id(),
                            to.masked(), attempts, delay, retry.error());
                }
            }
            case SendResult.Failed failed -> {
                queue.markFailed(item, failed.error(), done);
                if (failed.residentOptedOut()) {
                    // The row's resident, region and all: a provider's opt-out is per sender (Twilio's 21610 is per
                    // number or Messaging Service), and each region sends from its own, as a STOP is per region.
                    residents.optOut(to, done);
                }
                LOG.log(System.Logger.Level.WARNING, "failed id={0} to={1} opted_out={2} error={3}", item.id(),
                        to.masked(), failed.residentOptedOut(), failed.error());
            }
        }
        return true;
    }

    /** Starts the background sender (a virtual thread). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofVirtual().name("outbox-sender").start(this::run);
        LOG.log(System.Logger.Level.INFO, "outbox sender started channels={0}", channels());
    }

    private void run() {
        while (!closed) {
            try {
                drainOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "outbox drain failed; trying again in " + policy.pollInterval(), e);
            }
            Duration sleep = policy.pollInterval();
            try {
                Optional<Instant> next = queue.nextDue(channels());
                if (next.isPresent()) {
                    Duration untilDue = Duration.between(clock.instant(), next.get());
                    sleep = untilDue.isNegative() ? Duration.ZERO : untilDue.compareTo(sleep) < 0 ? untilDue : sleep;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbox next-due query failed", e);
            }
            lock.lock();
            try {
                if (!woken && !closed && !sleep.isZero()) {
                    wakeUp.await(sleep.toNanos(), TimeUnit.NANOSECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Wakes the background sender now, e.g. after a transaction that enqueued a message committed. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops: the send in flight finishes and is recorded, rows claimed but not yet sent are
     * given back. Waits up to {@code timeout} for the background thread.
     */
    public void close(Duration timeout) {
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                if (!t.join(timeout)) {
                    LOG.log(System.Logger.Level.WARNING, "outbox sender still busy after {0}; its rows retry after their lease", timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.log(System.Logger.Level.INFO, "outbox sender stopped");
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }
}
