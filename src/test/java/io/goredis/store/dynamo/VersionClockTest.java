package io.goredis.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hybrid logical clock every DynamoDB write path takes its versions from. */
class VersionClockTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    private static final long NOW_MICROS = 1_700_000_000_000_000L + 123_456;

    private final VersionClock versions = new VersionClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void next_blankFloor_isTheClockInMicroseconds() {
        assertEquals(NOW_MICROS, versions.next(-1));
    }

    @Test
    void next_clockStandingStill_risesStrictly() {
        long first = versions.next(-1);
        long second = versions.next(-1);
        assertEquals(first + 1, second);
        assertEquals(second + 1, versions.next(0));
    }

    @Test
    void next_floorAheadOfClock_goesAboveFloor() {
        long floor = NOW_MICROS + 1_000_000;
        assertEquals(floor + 1, versions.next(floor));
        assertTrue(versions.next(-1) > floor + 1, "never below what this node issued");
    }
}
