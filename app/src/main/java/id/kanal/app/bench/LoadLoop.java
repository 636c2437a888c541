package id.kanal.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread of the load generator: it drives its share of the connections through one selector, as
 * each of wrk's threads does. Every connection sends a request, waits for the whole answer, records
 * how long it took and sends the next. A thread per connection (fifty threads on two cores) measured
 * its own wake-ups: the bare route's p99 was 13.5 ms with them and 6 ms under wrk.
 */
final class LoadLoop implements Runnable {
    /** An answer that takes longer fails its connection, as the socket timeout of a blocking client would. */
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How often the loop wakes without traffic, to notice the end of the run and overdue answers. */
    private static final long TICK_MILLIS = 100;

    private final InetSocketAddress server;
    private final int[] connectionIds;
    private final HttpLoad.Requests requests;
    private final AtomicLong measureFrom;
    private final AtomicLong end;
    private final AtomicLong errors;
    private final List<Connection> connections = new ArrayList<>();

    /**
     * @param measureFrom nanoTime from which answers are kept (Long.MAX_VALUE during the warm-up)
     * @param end         nanoTime after which no request is sent (Long.MAX_VALUE until set)
     */
    LoadLoop(InetSocketAddress server, int[] connectionIds, HttpLoad.Requests requests, AtomicLong measureFrom,
             AtomicLong end, AtomicLong errors) {
        this.server = server;
        this.connectionIds = connectionIds.clone();
        this.requests = requests;
        this.measureFrom = measureFrom;
        this.end = end;
        this.errors = errors;
    }

    /** The latencies and kinds this loop kept, one pair of arrays a connection, each {@code count()} long. */
    List<Connection> connections() {
        return connections;
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            for (int id : connectionIds) {
                open(selector, id);
            }
            long nextTick = System.nanoTime();
            while (!selector.keys().isEmpty()) {
                selector.select(TICK_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    serve(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now >= nextTick) {
                    nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                    dropOverdue(selector, now);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open(Selector selector, int id) {
        Connection c = new Connection(id);
        connections.add(c);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(server, 5_000);
            channel.configureBlocking(false);
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
            send(c);
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            closeQuietly(channel);
        }
    }

    private void serve(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                receive(c);
            }
        } catch (IOException | RuntimeException e) {
            fail(c);
        }
    }

    private void send(Connection c) throws IOException {
        c.out = ByteBuffer.wrap(requests.request(c.id, c.n));
        c.sentAt = System.nanoTime();
        flush(c);
    }

    /** Writes what the socket takes; waits for room (OP_WRITE) when it took less than the whole request. */
    private static void flush(Connection c) throws IOException {
        ((SocketChannel) c.key.channel()).write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void receive(Connection c) throws IOException {
        if (c.inLength == c.in.length) {
            c.in = Arrays.copyOf(c.in, 2 * c.in.length);
        }
        int read = ((SocketChannel) c.key.channel()).read(ByteBuffer.wrap(c.in, c.inLength, c.in.length - c.inLength));
        if (read < 0) {
            throw new IOException("connection closed");
        }
        c.inLength += read;
        HttpResponses.Answer answer = HttpResponses.parse(c.in, c.inLength);
        if (answer == null) {
            return; // not all of it yet
        }
        long now = System.nanoTime();
        if (answer.status() != 200) {
            errors.incrementAndGet();
        }
        if (c.sentAt >= measureFrom.get()) {
            c.keep(requests.kind(c.id, c.n), now - c.sentAt);
        }
        // Closed loop, one request at a time: nothing follows the answer on this connection.
        c.inLength = 0;
        c.n++;
        if (now >= end.get()) {
            close(c);
        } else {
            send(c);
        }
    }

    private void dropOverdue(Selector selector, long now) {
        for (SelectionKey key : selector.keys()) {
            Connection c = (Connection) key.attachment();
            if (now - c.sentAt > ANSWER_TIMEOUT_NANOS) {
                fail(c);
            }
        }
    }

    private void fail(Connection c) {
        errors.incrementAndGet();
        close(c);
    }

    private static void close(Connection c) {
        c.key.cancel();
        closeQuietly(c.key.channel());
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a connection the run is done with
            }
        }
    }

    /** One kept-alive connection and the latencies it measured. */
    static final class Connection {
        final int id;
        SelectionKey key;
        long n;
        long sentAt;
        ByteBuffer out;
        byte[] in = new byte[16_384];
        int inLength;
        long[] latencies = new long[1 << 12];
        int[] kinds = new int[1 << 12];
        int count;

        Connection(int id) {
            this.id = id;
        }

        void keep(int kind, long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, 2 * count);
                kinds = Arrays.copyOf(kinds, 2 * count);
            }
            kinds[count] = kind;
            latencies[count++] = nanos;
        }
    }
}
