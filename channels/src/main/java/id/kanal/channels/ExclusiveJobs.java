package id.kanal.channels;

/**
 * Where a channel runs work that must run on one server node at a time (Telegram long polling:
 * two pollers of one bot would take each other's updates). With several nodes on one database app
 * provides one that runs the job on the node holding its lease; without it in the
 * {@link ChannelContext} a job simply starts, as on a single node.
 */
@FunctionalInterface
public interface ExclusiveJobs {
    /** One node: start at once. */
    ExclusiveJobs HERE = (name, start, stop) -> start.run();

    /** Runs {@code start} when this node may run the job, {@code stop} when it may no longer. */
    void register(String name, Runnable start, Runnable stop);
}
