package id.kanal.app;

import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the server until SIGTERM or Ctrl-C, then stops it in order. */
final class ServeCommand {
    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    private ServeCommand() {
    }

    static int run(Settings settings, String[] args) throws InterruptedException {
        Kanal kanal = Kanal.open(settings, Main.clock());
        KanalServer server;
        try {
            // Channels start before the routes answer: a USSD turn held across the stop runs ahead of its
            // resident's next one, and links (Telegram polling, SMSC binds) come up with the server.
            kanal.channels().start();
            server = KanalServer.start(kanal);
            kanal.outbox().start();
        } catch (RuntimeException e) {
            kanal.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "shutting down: finishing requests in flight");
            // Requests in flight finish before the database closes under them.
            server.close();
            kanal.close();
            stopped.countDown();
        }, "kanal-shutdown"));
        stopped.await();
        return 0;
    }
}
