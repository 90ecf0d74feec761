package io.goredis.command.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Blocking commands' timeouts as Redis 7.0 reads them (checked against redis-server 7.0.15). */
class TimeoutTest {

    private static long ms(String s) {
        return Timeout.parseMillis(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String error(String s) {
        return assertThrows(CommandException.class, () -> ms(s)).getMessage();
    }

    @Test
    void parseMillis_decimalSeconds_roundedUpToMillis() {
        assertEquals(0, ms("0"));
        assertEquals(1500, ms("1.5"));
        assertEquals(1, ms("0.0001"));
        assertEquals(0, ms("-0.0001"));
        assertEquals(2000, ms("2e0"));
    }

    @Test
    void parseMillis_negativeOrPastRange_isNegative() {
        assertEquals(Timeout.NEGATIVE, error("-1"));
        assertEquals(Timeout.NEGATIVE, error("1e400"));
        assertEquals(Timeout.NEGATIVE, error("inf"));
        assertEquals(Timeout.NEGATIVE, error("-inf"));
    }

    @Test
    void parseMillis_notAFloat() {
        assertEquals(Timeout.NOT_FLOAT, error("x"));
        assertEquals(Timeout.NOT_FLOAT, error(""));
        assertEquals(Timeout.NOT_FLOAT, error(" 1"));
        assertEquals(Timeout.NOT_FLOAT, error("1d"));
        assertEquals(Timeout.NOT_FLOAT, error("NaN"));
        assertEquals(Timeout.NOT_FLOAT, error("0x10"));
    }
}
