package io.goredis.store.cache;

/** A change source a test drives by hand: it delivers what the test tells it to, when it is told. */
class ManualSource implements ChangeSource {

    private final boolean continuousAtStart;
    ChangeListener listener;
    boolean closed;

    ManualSource(boolean continuousAtStart) {
        this.continuousAtStart = continuousAtStart;
    }

    @Override
    public void start(ChangeListener listener) {
        this.listener = listener;
        if (continuousAtStart) {
            listener.onContinuous();
        }
    }

    void deliver(ChangeEvent event) {
        listener.onChange(event);
    }

    @Override
    public Status status() {
        return new Status(1, 0, 0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
