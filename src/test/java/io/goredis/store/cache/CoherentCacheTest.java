package io.goredis.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.store.Entry;
import io.goredis.store.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoherentCacheTest {

    private final MutableClock clock = new MutableClock(1_000_000);
    private CoherentCache cache;

    @BeforeEach
    void setUp() {
        cache = new CoherentCache(1 << 20, Duration.ofSeconds(30), clock, Runnable::run);
        cache.onContinuous();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CacheKey key(String k) {
        return CacheKey.of(0, b(k));
    }

    private static Entry entry(String v, long version) {
        return new Entry(b(v), Entry.NO_EXPIRY, version);
    }

    private String valueOf(String k) {
        Slot s = cache.lookup(key(k));
        return s == null ? null : s.visibleAt(clock.millis()).map(e -> new String(e.bytes(), StandardCharsets.UTF_8)).orElse("(absent)");
    }

    private void fill(String k, Entry e) {
        cache.install(key(k), cache.begin(key(k)), Slot.of(e));
    }

    @Test
    void install_emptySlot_isServed() {
        fill("k", entry("v", 3));
        assertEquals("v", valueOf("k"));
        assertEquals(1, cache.hits());
    }

    @Test
    void lookup_absent_countsMiss() {
        assertNull(cache.lookup(key("k")));
        assertEquals(1, cache.misses());
    }

    @Test
    void onChange_uncachedKey_isIgnored() {
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v", 3)));
        assertNull(valueOf("k"));
    }

    @Test
    void onChange_newer_replaces() {
        fill("k", entry("v1", 3));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v2", 4)));
        assertEquals("v2", valueOf("k"));
        assertEquals(1, cache.eventsApplied());
    }

    @Test
    void onChange_older_isDropped() {
        fill("k", entry("v2", 4));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v1", 3)));
        cache.onChange(ChangeEvent.delete(0, b("k"), 3));
        assertEquals("v2", valueOf("k"));
        assertEquals(2, cache.eventsStale());
    }

    @Test
    void onChange_deleteOfCachedVersion_supersedesIt() {
        fill("k", entry("v", 4));
        cache.onChange(ChangeEvent.delete(0, b("k"), 4));
        assertEquals("(absent)", valueOf("k"));
        // the value at that version arriving late (replay) cannot resurrect it
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v", 4)));
        assertEquals("(absent)", valueOf("k"));
        // a re-create has a higher version
        cache.onChange(ChangeEvent.put(0, b("k"), entry("again", 5)));
        assertEquals("again", valueOf("k"));
    }

    @Test
    void install_olderThanCached_isDropped() {
        fill("k", entry("new", 9));
        fill("k", entry("old", 8));
        assertEquals("new", valueOf("k"));
    }

    @Test
    void install_afterRacingEventOnEmptySlot_isRefused() {
        // rule 3: a fill reads v1, the stream delivers v2 (ignored: not cached), then the fill lands
        CoherentCache.Token t = cache.begin(key("k"));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v2", 2)));
        cache.install(key("k"), t, Slot.of(entry("v1", 1)));
        assertNull(valueOf("k"));
    }

    @Test
    void install_afterItsOwnEventOnEmptySlot_isAllowed() {
        // a write-back that the stream overtook: the ignored event is not newer than what we install
        CoherentCache.Token t = cache.begin(key("k"));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v", 5)));
        cache.install(key("k"), t, Slot.of(entry("v", 5)));
        assertEquals("v", valueOf("k"));
    }

    @Test
    void install_unknownAbsenceAfterRacingEvent_isRefused() {
        CoherentCache.Token t = cache.begin(key("k"));
        cache.onChange(ChangeEvent.delete(0, b("k"), 1));
        cache.install(key("k"), t, Slot.absentUnknown());
        assertNull(valueOf("k"));
    }

    @Test
    void install_afterRacingDelete_isRefused() {
        CoherentCache.Token t = cache.begin(key("k"));
        cache.onChange(ChangeEvent.delete(0, b("k"), 1));
        cache.install(key("k"), t, Slot.of(entry("v1", 1)));
        assertNull(valueOf("k"));
    }

    @Test
    void install_afterRacingEventOnCachedSlot_keepsNewest() {
        fill("k", entry("v1", 1));
        CoherentCache.Token t = cache.begin(key("k"));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("v3", 3)));
        cache.install(key("k"), t, Slot.of(entry("v2", 2)));
        assertEquals("v3", valueOf("k"));
    }

    @Test
    void unknownAbsence_isDroppedByAnyEvent() {
        cache.install(key("k"), cache.begin(key("k")), Slot.absentUnknown());
        assertEquals("(absent)", valueOf("k"));
        cache.onChange(ChangeEvent.put(0, b("k"), entry("old", 1)));
        assertNull(valueOf("k"));
    }

    @Test
    void install_knownOverUnknown_dropsKey() {
        cache.install(key("k"), cache.begin(key("k")), Slot.absentUnknown());
        fill("k", entry("v", 5));
        assertNull(valueOf("k"));
    }

    @Test
    void install_notContinuous_isRefused() {
        CoherentCache fresh = new CoherentCache(1 << 20, Duration.ofSeconds(30), clock, Runnable::run);
        fresh.install(key("k"), fresh.begin(key("k")), Slot.of(entry("v", 1)));
        assertNull(fresh.lookup(key("k")));
        assertFalse(fresh.continuous());
    }

    @Test
    void onContinuityLost_dropsEverythingUntilContinuous() {
        fill("k", entry("v", 1));
        CoherentCache.Token before = cache.begin(key("j"));
        cache.onContinuityLost("test");
        assertNull(valueOf("k"));
        fill("k", entry("v", 1));
        assertNull(valueOf("k"));
        cache.onContinuous();
        cache.install(key("j"), before, Slot.of(entry("w", 1)));
        assertNull(valueOf("j"), "a fill that began before the reset must not install");
        fill("k", entry("v", 1));
        assertEquals("v", valueOf("k"));
        assertEquals(1, cache.continuityResets());
    }

    @Test
    void expiredEntry_isNotVisible() {
        fill("k", new Entry(b("v"), clock.millis() + 100, 1));
        assertEquals("v", valueOf("k"));
        clock.advanceMillis(101);
        assertEquals("(absent)", valueOf("k"));
    }

    @Test
    void invalidate_voidsInFlightFill() {
        CoherentCache.Token t = cache.begin(key("k"));
        cache.invalidate(key("k"));
        cache.install(key("k"), t, Slot.of(entry("v", 1)));
        assertNull(valueOf("k"));
    }

    @Test
    void invalidateDb_dropsOnlyThatDb() {
        fill("k", entry("v", 1));
        CacheKey other = CacheKey.of(1, b("k"));
        cache.install(other, cache.begin(other), Slot.of(entry("w", 1)));
        cache.invalidateDb(0);
        assertNull(valueOf("k"));
        assertNotNull(cache.lookup(other));
        cache.invalidateAll();
        assertNull(cache.lookup(other));
    }

    @Test
    void weigher_boundsBytes_andCountsEvictions() {
        CoherentCache small = new CoherentCache(10_000, Duration.ofSeconds(30), clock, Runnable::run);
        small.onContinuous();
        byte[] value = new byte[1000];
        for (int i = 0; i < 100; i++) {
            CacheKey k = CacheKey.of(0, b("k" + i));
            small.install(k, small.begin(k), Slot.of(new Entry(value, Entry.NO_EXPIRY, 1)));
        }
        small.cleanUp();
        assertTrue(small.bytes() <= 10_000, "bytes " + small.bytes());
        assertTrue(small.evictions() > 0);
        assertTrue(small.entries() < 100);
    }

    @Test
    void slot_visibleAt_hidesAbsence() {
        assertEquals(Optional.empty(), Slot.absentAfter(3).visibleAt(0));
        assertEquals(7, Slot.absentAfter(3).rank());
    }
}
