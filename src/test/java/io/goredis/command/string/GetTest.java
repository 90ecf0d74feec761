package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetTest extends StringCommandTestBase {

    @Test
    void get_absentKey() {
        assertNil("GET", "nokey");
        assertEquals(0, hits());
        assertEquals(1, misses());
    }

    @Test
    void get_presentKey() {
        assertOk("SET", "k", "v");
        assertBulk("v", "GET", "k");
        assertEquals(1, hits());
    }

    @Test
    void get_expiredKeyIsAbsent() {
        assertOk("SET", "k", "v", "PX", "100");
        clock.advanceMillis(100);
        assertBulk("v", "GET", "k"); // Redis: expired only once now > expiry
        clock.advanceMillis(1);
        assertNil("GET", "k");
    }

    @Test
    void get_extraArgumentIsSyntaxError() {
        assertError("ERR syntax error", "GET", "k", "extra");
    }

    @Test
    void get_binarySafeKeyAndValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        List<byte[]> set = new ArrayList<>(List.of(b("SET"), all, all));
        assertEquals("+OK\r\n", run(set));
        assertEquals("$256\r\n" + new String(all, java.nio.charset.StandardCharsets.ISO_8859_1) + "\r\n",
                run(List.of(b("GET"), all)));
    }

    @Test
    void get_emptyKeyAndValue() {
        assertOk("SET", "", "");
        assertEquals("$0\r\n\r\n", run("GET", ""));
    }

    @Test
    void get_valueOfSeveralMegabytes() {
        byte[] big = new byte[5 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        assertEquals("+OK\r\n", run(List.of(b("SET"), b("big"), big)));
        assertEquals(big.length, store.get(0, b("big")).orElseThrow().bytes().length);
        assertEquals("$" + big.length + "\r\n" + new String(big, java.nio.charset.StandardCharsets.ISO_8859_1)
                + "\r\n", run("GET", "big"));
    }

    @Test
    void get_usesSelectedDatabase() {
        assertOk("SET", "k", "v");
        ctx.session().select(3);
        assertNil("GET", "k");
    }
}
