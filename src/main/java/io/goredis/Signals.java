package io.goredis;

import org.slf4j.LoggerFactory;

/**
 * SIGTERM / SIGINT handling, so a stop requested by the OS ends with exit status 0 (the JVM's
 * default for those signals is 143 / 130). Uses {@code sun.misc.Signal} (module jdk.unsupported);
 * where it is missing, the shutdown hook alone still stops the server cleanly.
 */
final class Signals {

    private Signals() {}

    @SuppressWarnings("removal")
    static void onTerminate(Runnable action) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s ->
                        Thread.ofPlatform().name("goredis-signal").start(action));
            }
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(Signals.class).debug("no signal handling: {}", e.toString());
        }
    }
}
