package io.goredis.command.bitmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Offsets, BITFIELD types and keywords parsed as bitops.c parses them. */
class BitArgsTest {

    @Test
    void bitOffset_acceptsUpToTheLastBitOf512Mb() {
        assertEquals(0, BitArgs.bitOffset(b("0"), 0));
        assertEquals(4294967295L, BitArgs.bitOffset(b("4294967295"), 0));
        assertOffsetError("4294967296", 0);
        assertOffsetError("-1", 0);
        assertOffsetError("01", 0);
        assertOffsetError("+1", 0);
        assertOffsetError(" 1", 0);
        assertOffsetError("", 0);
        assertOffsetError("9223372036854775808", 0);
    }

    @Test
    void bitOffset_hashFormMultipliesByTheWidth() {
        assertEquals(16, BitArgs.bitOffset(b("#2"), 8));
        assertEquals(0, BitArgs.bitOffset(b("#0"), 64));
        assertEquals(4294967288L, BitArgs.bitOffset(b("#536870911"), 8));
        assertOffsetError("#536870912", 8);
        assertOffsetError("#1", 0); // SETBIT / GETBIT have no # form
        assertOffsetError("#", 8);
        assertOffsetError("##1", 8);
        assertOffsetError("#-1", 8);
        // the multiplication wraps as in C before the range check: 2^61 * 8 = 0
        assertEquals(0, BitArgs.bitOffset(b("#2305843009213693952"), 8));
        assertOffsetError("#1152921504606846976", 8); // * 8 = -2^63
    }

    @Test
    void type_signedUpTo64UnsignedUpTo63() {
        assertEquals(new BitArgs.Type(true, 1), BitArgs.type(b("i1")));
        assertEquals(new BitArgs.Type(true, 64), BitArgs.type(b("i64")));
        assertEquals(new BitArgs.Type(false, 1), BitArgs.type(b("u1")));
        assertEquals(new BitArgs.Type(false, 63), BitArgs.type(b("u63")));
        for (String bad : new String[] {"u64", "i65", "i0", "u0", "i", "u", "", "I8", "U8", "x8", "8", "i08", "i-1",
            "i+8", "i8 ", "i 8", "i9223372036854775808"}) {
            CommandException e = assertThrows(CommandException.class, () -> BitArgs.type(b(bad)), bad);
            assertEquals(BitArgs.BAD_TYPE, e.getMessage());
        }
    }

    @Test
    void type_widthEndsAtNulAsStrlen() {
        assertEquals(new BitArgs.Type(false, 8), BitArgs.type(b("u8\0junk")));
    }

    @Test
    void is_caseInsensitiveAsciiUpToNul() {
        assertTrue(BitArgs.is(b("BIT"), "bit"));
        assertTrue(BitArgs.is(b("bIt"), "bit"));
        assertTrue(BitArgs.is(b("bit\0xyz"), "bit"));
        assertFalse(BitArgs.is(b("bits"), "bit"));
        assertFalse(BitArgs.is(b("bi"), "bit"));
        assertFalse(BitArgs.is(b(""), "bit"));
        assertFalse(BitArgs.is(new byte[] {(byte) 0xc2, 'i', 't'}, "bit"));
    }

    private static void assertOffsetError(String arg, int bits) {
        CommandException e = assertThrows(CommandException.class, () -> BitArgs.bitOffset(b(arg), bits), arg);
        assertEquals(BitArgs.BAD_OFFSET, e.getMessage());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
