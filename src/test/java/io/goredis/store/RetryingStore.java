package io.goredis.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store for command tests that runs every updater twice, as an optimistic store does after a
 * lost race: first on deep copies of the entries, whose decision (or exception) is thrown away,
 * then for real. A command behaves the same on it only if its updaters are pure: they count no
 * statistics and change nothing but the values they are handed.
 */
public final class RetryingStore {

    private RetryingStore() {}

    /** {@code base}, with every {@code update} and {@code updateAll} updater run twice. */
    public static Store wrap(Store base) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("update") && args.length == 3) {
                        args[2] = twice((Updater<?>) args[2]);
                    } else if (method.getName().equals("updateAll") && args.length == 2) {
                        args[1] = twice((MultiUpdater<?>) args[1]);
                    }
                    try {
                        return method.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static <R> Updater<R> twice(Updater<R> updater) {
        return current -> {
            discardedAttempt(() -> updater.apply(copy(current)));
            return updater.apply(current);
        };
    }

    private static <R> MultiUpdater<R> twice(MultiUpdater<R> updater) {
        return current -> {
            List<Optional<Entry>> copies = new ArrayList<>();
            for (Optional<Entry> e : current) {
                copies.add(copy(e));
            }
            discardedAttempt(() -> updater.apply(List.copyOf(copies)));
            return updater.apply(current);
        };
    }

    private static void discardedAttempt(Runnable attempt) {
        try {
            attempt.run();
        } catch (RuntimeException ignored) {
            // the real attempt throws it again
        }
    }

    private static Optional<Entry> copy(Optional<Entry> e) {
        return e.map(x -> new Entry(x.value().copy(), x.expireAtMillis(), x.version()));
    }
}
