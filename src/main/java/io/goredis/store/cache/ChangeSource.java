package io.goredis.store.cache;

/**
 * A feed of the committed changes to the backing table, followed by every node. The DynamoDB
 * Streams implementation is {@link StreamPoller}; a large fleet would plug in a source reading a
 * Kinesis Data Stream with enhanced fan-out, or a relay, behind this same interface (DynamoDB Streams
 * allows only two concurrent readers per shard).
 */
public interface ChangeSource extends AutoCloseable {

    /** Starts delivering to {@code listener} on the source's own thread. Called once. */
    void start(ChangeListener listener);

    /** A snapshot for INFO. */
    Status status();

    /** Stops the source's thread (bounded wait) and releases its clients. Idempotent. */
    @Override
    void close();

    /**
     * What INFO shows about a source.
     *
     * @param shardsFollowed shards currently read
     * @param recordsRead    records read since start
     * @param lagMillis      how far behind the source may be: time since it last confirmed it had read
     *                       everything (0 while it has never been continuous is reported as -1)
     */
    record Status(int shardsFollowed, long recordsRead, long lagMillis) {}

    /** A source that never delivers anything and is continuous at once: for a single node, and tests. */
    static ChangeSource none() {
        return new ChangeSource() {
            @Override
            public void start(ChangeListener listener) {
                listener.onContinuous();
            }

            @Override
            public Status status() {
                return new Status(0, 0, 0);
            }

            @Override
            public void close() {}
        };
    }
}
