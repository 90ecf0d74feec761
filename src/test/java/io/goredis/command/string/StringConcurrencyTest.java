package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.goredis.Race;
import io.goredis.protocol.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The atomicity claims of issue 3, through the command handlers over the in-memory store. */
class StringConcurrencyTest extends StringCommandTestBase {

    private static final int THREADS = 50;

    @Test
    void incr_fiftyThreadsThousandEachEndsAtFiftyThousand() throws Exception {
        Race.run(THREADS, t -> {
            for (int i = 0; i < 1000; i++) {
                ctx.run("INCR", "counter");
            }
            return null;
        });
        assertEquals("50000", stored("counter"));
    }

    @Test
    void setNx_fiftyThreadsRaceExactlyOneWinner() throws Exception {
        List<Reply> replies = Race.run(THREADS, t -> ctx.run("SET", "k", "v" + t, "NX"));
        int winners = 0;
        String winner = null;
        for (int t = 0; t < THREADS; t++) {
            if (replies.get(t).equals(Reply.OK)) {
                winners++;
                winner = "v" + t;
            }
        }
        assertEquals(1, winners);
        assertEquals(winner, stored("k"));
    }

    @Test
    void append_concurrentAppendsLoseNothing() throws Exception {
        Race.run(8, t -> {
            for (int i = 0; i < 200; i++) {
                ctx.run("APPEND", "log", "x");
            }
            return null;
        });
        assertEquals(1600, stored("log").length());
    }
}
