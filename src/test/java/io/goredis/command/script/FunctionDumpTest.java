package io.goredis.command.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expected payloads and error texts captured from redis-server 7.0.15 (FUNCTION DUMP after
 * FUNCTION LOAD of each library, FUNCTION RESTORE of each bad payload). The string encodings at the
 * boundaries (20/21 bytes, integers) come from DUMP of a string key, whose payload is
 * {@code 0x00 <rdbSaveRawString> 0a00 <crc>}: the same string writer as FUNCTION DUMP.
 */
class FunctionDumpTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String SHORT = "#!lua name=mylib\nredis.register_function('f1', function() return 1 end)";

    // ---- dump: byte-exact with Redis ----

    @Test
    void dump_noLibraries_isVersionAndChecksum() {
        assertHex("0a005d9b5c400f7fa2da", FunctionDump.dump(List.of()));
    }

    @Test
    void dump_shortLibrary_matchesRedis() {
        // 71 bytes: LZF cannot save 4 bytes, so it is stored raw (14-bit length 0x4047)
        assertHex("f5404723216c7561206e616d653d6d796c69620a72656469732e72656769737465725f66756e6374696f6e"
                + "28276631272c2066756e6374696f6e28292072657475726e203120656e64290a0007500404cd92d1b3",
                FunctionDump.dump(List.of(bytes(SHORT))));
    }

    @Test
    void dump_randomPrintableLibrary_isStoredRawLikeRedis() {
        // 380 bytes of which LZF cannot save 4, so Redis stores them raw (0x417c)
        String redis = "f5417c23216c7561206e616d653d7072696e7461626c650a2d2d206920657168353234796e67356279316132726f677562"
                + "62623861796e3162376f3235396f776f6f3373623039676c7368763631366d747335367a6334707a306c78397866323667"
                + "6b377a7835623463747a6b6b366f616d38396f7a367720773372396179366937396e3164347820396d3630357730776138"
                + "387633626f6c396c663971636566623261727072686c7773656b6b71376b7273337535346862747976306d716771366e31"
                + "626f627a6a636b323631386f37326f37627a2075316474696e6474656574746b302071696139636e20336b3663796d7767"
                + "6e20316d35677973363562757a73626b6d75206976316e726779397738353870656366696b6b386e727636717876766873"
                + "703569396775633065796a697668796520396f20667278732038683372676373610a72656469732e726567697374657"
                + "25f66756e6374696f6e282770272c2066756e6374696f6e28292072657475726e2027702720656e64290a00110eebb085304fdd";
        byte[] payload = hex(redis);
        byte[] code = Arrays.copyOfRange(payload, 3, payload.length - 10);
        assertTrue(string(code).startsWith("#!lua name=printable\n-- i eqh524yng5by1a2"));
        assertHex(redis, FunctionDump.dump(List.of(code)));
    }

    @Test
    void dump_repetitiveLibrary_isLzfCompressedLikeRedis() {
        StringBuilder code = new StringBuilder("#!lua name=rep\n");
        for (int i = 0; i < 40; i++) {
            code.append("redis.register_function('f").append(i)
                    .append("', function(keys, args) return redis.call('GET', keys[1]) end)\n");
        }
        assertHex("f5c3412a4e3d1f23216c7561206e616d653d7265700a72656469732e72656769737465725f66750c6e6374696f6e"
                + "28276630272c20e0000e116b6579732c2061726773292072657475726e200640390863616c6c2827474554202d4024"
                + "085b315d2920656e6429e012590031202be04d590032e050590033e050590034e050590035e050590036e050590037"
                + "e050590038e050590039e050590031e35284e351850031e351860031e351870031e351880031e351890031e3518a00"
                + "31e3518b0031e3518c0031e3518d0032e3518d0032e3518d0032e3518d0032e3518d0032e3518d0032e3518d0032e3"
                + "518d0032e3518d0032e3518d0032e3518d0033e3518d0033e3518d0033e3518d0033e3518d0033e3518d0033e3518d"
                + "0033e3518d0033e3518d0033e3518d0033e3358d01290a0a00847ebba08d5ab170",
                FunctionDump.dump(List.of(bytes(code.toString()))));
    }

    @Test
    void dump_unicodeLibrary_matchesRedis() {
        String code = "#!lua name=uni\n-- " + "héllo wörld 日本語 данные ✓ 🚀 ".repeat(12)
                + "\nredis.register_function('u', function() return 'ünï' end)";
        assertHex("f5c3407f42761f23216c7561206e616d653d756e690a2d2d2068c3a96c6c6f2077c3b6726c64201ee697a5e69cace8"
                + "aa9e20d0b4d0b0d0bdd0bdd18bd0b520e29c9320f09f9a80e0ff2de1ea131d0a72656469732e72656769737465725f"
                + "66756e6374696f6e282775272c20e0000d14292072657475726e2027c3bc6ec3af2720656e64290a00a1cf28c14be0786b",
                FunctionDump.dump(List.of(bytes(code))));
    }

    @Test
    void dump_multiKbLibrary_matchesRedis() {
        String code = "#!lua name=big\n-- " + "0123456789abcdef".repeat(256)
                + "\nredis.register_function('b', function() return 'big' end)";
        assertHex("f5c3408a504c1f23216c7561206e616d653d6269670a2d2d203031323334353637383961626364016566e0ff0fe1ff0f"
                + "e2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe2ff0fe26f0f1d0a726564"
                + "69732e72656769737465725f66756e6374696f6e282762272c20e0000d09292072657475726e20273037052720656e"
                + "64290a00d7283be8c867f9e1",
                FunctionDump.dump(List.of(bytes(code))));
    }

    @Test
    void dump_twoLibraries_keepsTheGivenOrder() {
        String one = "#!lua name=one\nredis.register_function('one', function() return 1 end)";
        String two = "#!lua name=two\nredis.register_function('two', function() return 2 end)";
        assertHex("f5404623216c7561206e616d653d6f6e650a72656469732e72656769737465725f66756e6374696f6e28276f6e6527"
                + "2c2066756e6374696f6e28292072657475726e203120656e6429f5404623216c7561206e616d653d74776f0a726564"
                + "69732e72656769737465725f66756e6374696f6e282774776f272c2066756e6374696f6e28292072657475726e2032"
                + "20656e64290a00a61d7a986c9c6a27",
                FunctionDump.dump(List.of(bytes(one), bytes(two))));
    }

    @Test
    void dump_twentyBytes_isRawButTwentyOneIsCompressed() {
        assertStringEncoding("001461616161616161616161616161616161616161610a0083b46b5e1b11acf1", "a".repeat(20));
        assertStringEncoding("00c30615016161e00a000a00fd0cb36807413f68", "a".repeat(21));
        assertStringEncoding("001a6162636465666768696a6b6c6d6e6f707172737475767778797a0a009e1b3f34abfc5f79",
                "abcdefghijklmnopqrstuvwxyz"); // 26 incompressible bytes
        assertStringEncoding("00000a005d9b5c400f7fa2da", "");
    }

    @Test
    void dump_integerLookingStrings_areIntEncodedLikeRedis() {
        assertStringEncoding("00c0ff0a000c937e2485089dc5", "-1");
        assertStringEncoding("00c139300a009d94ea2793fc08b9", "12345");
        assertStringEncoding("00c2ffffff7f0a002c74e59ee02eada1", "2147483647");
        assertStringEncoding("00c2000000800a00c74f873e33558187", "-2147483648");
        assertStringEncoding("000a323134373438333634380a00e7b129a34c1d76ee", "2147483648"); // past 32 bits
        assertStringEncoding("00033030370a007258e27b4c69bad9", "007"); // not canonical
    }

    @Test
    void dump_longString_uses32BitLength() {
        assertStringEncoding("00c340ea8000004e20016161" + "e0ff00".repeat(75) + "e0bb000161610a0057458059df720070",
                "a".repeat(20_000));
    }

    // ---- restore ----

    @Test
    void restore_dumpedLibraries_roundTrip() {
        List<byte[]> codes = List.of(bytes(SHORT), bytes("#!lua name=b\n" + "-- x".repeat(500) + "\n"),
                bytes("#!lua name=ü\n-- 日本語 ✓ 🚀\n"), new byte[] {0, 1, 2, (byte) 0xff}, bytes("42"), bytes(""));
        List<byte[]> back = FunctionDump.restore(FunctionDump.dump(codes));
        assertEquals(codes.size(), back.size());
        for (int i = 0; i < codes.size(); i++) {
            assertArrayEquals(codes.get(i), back.get(i));
        }
    }

    @Test
    void restore_redisPayload_givesTheCode() {
        byte[] payload = HEX.parseHex("f5404723216c7561206e616d653d6d796c69620a72656469732e72656769737465725f66756e"
                + "6374696f6e28276631272c2066756e6374696f6e28292072657475726e203120656e64290a0007500404cd92d1b3");
        List<byte[]> codes = FunctionDump.restore(payload);
        assertEquals(1, codes.size());
        assertEquals(SHORT, new String(codes.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void restore_noLibraries_isEmpty() {
        assertTrue(FunctionDump.restore(HEX.parseHex("0a005d9b5c400f7fa2da")).isEmpty());
    }

    @Test
    void restore_olderVersion_isAccepted() {
        assertEquals(SHORT, string(FunctionDump.restore(sign(body(SHORT), 9)).get(0)));
        assertEquals(SHORT, string(FunctionDump.restore(sign(body(SHORT), 0)).get(0)));
    }

    @Test
    void restore_preGaFormat_isRewrittenWithAShebang() {
        // 0xF6: name "old", engine "lua", description flag 1, "some desc", body; Redis 7.0.15 restores it
        // and FUNCTION DUMP then shows the code below.
        byte[] payload = HEX.parseHex("f6036f6c64036c75610109736f6d6520646573633a72656469732e72656769737465725f66756e"
                + "6374696f6e2827666f272c2066756e6374696f6e28292072657475726e20276f6c642720656e64290a00e221d32ffca1e0a5");
        assertEquals("#!lua name=old\nredis.register_function('fo', function() return 'old' end)",
                string(FunctionDump.restore(payload).get(0)));
    }

    @Test
    void restore_preGaFormat_stopsEachPartAtNul() {
        // name "old\0zz": Redis builds the code with %s, so it restores library "old"
        byte[] payload = HEX.parseHex("f6066f6c64007a7a036c7561003a72656469732e72656769737465725f66756e6374696f6e2827"
                + "666f272c2066756e6374696f6e28292072657475726e20276f6c642720656e64290a005e0839777184fe41");
        assertEquals("#!lua name=old\nredis.register_function('fo', function() return 'old' end)",
                string(FunctionDump.restore(payload).get(0)));
    }

    @Test
    void restore_intEncodedString_givesItsDecimalText() {
        assertEquals("5", string(FunctionDump.restore(sign(hex("f5c005"), 10)).get(0)));
        assertEquals("261", string(FunctionDump.restore(sign(hex("f5c10501"), 10)).get(0)));
        assertEquals("-2", string(FunctionDump.restore(sign(hex("f5c1feff"), 10)).get(0)));
        assertEquals("261", string(FunctionDump.restore(sign(hex("f5c205010000"), 10)).get(0)));
    }

    @Test
    void restore_emptyLzfString_isEmpty() {
        // compressed length 0, length 0: Redis accepts it (and then answers "Missing library metadata")
        assertEquals(0, FunctionDump.restore(sign(hex("f5c30000"), 10)).get(0).length);
    }

    @Test
    void restore_stringRunningIntoTrailer_isAcceptedLikeRedis() {
        // Redis reads the string from the whole buffer, trailer included, then stops: 10 bytes are left.
        byte[] code = bytes(SHORT);
        byte[] body = concat(hex("f540" + String.format("%02x", code.length + 3)), code);
        List<byte[]> back = FunctionDump.restore(sign(body, 10));
        assertEquals(code.length + 3, back.get(0).length);
    }

    @Test
    void restore_consumerError_winsOverALaterCorruptLibrary() {
        // Redis compiles each library before reading the next one
        byte[] payload = sign(concat(body("junk"), hex("f5c5")), 10);
        List<String> seen = new ArrayList<>();
        CommandException e = assertThrows(CommandException.class, () -> FunctionDump.restore(payload, code -> {
            seen.add(string(code));
            throw new CommandException("ERR Missing library metadata");
        }));
        assertEquals("ERR Missing library metadata", e.getMessage());
        assertEquals(List.of("junk"), seen);
    }

    // ---- restore: Redis's texts for bad payloads ----

    @Test
    void restore_garbage_isRejected() {
        assertRejected("ERR DUMP payload version or checksum are wrong", bytes("garbage"));
        assertRejected("ERR DUMP payload version or checksum are wrong", bytes("garbagegarbagegarbage"));
    }

    @Test
    void restore_emptyString_isRejected() {
        assertRejected("ERR DUMP payload version or checksum are wrong", new byte[0]);
    }

    @Test
    void restore_flippedByte_isRejected() {
        byte[] payload = FunctionDump.dump(List.of(bytes(SHORT)));
        for (int i : new int[] {0, 5, payload.length - 10, payload.length - 1}) {
            byte[] bad = payload.clone();
            bad[i] ^= 1;
            assertRejected("ERR DUMP payload version or checksum are wrong", bad);
        }
    }

    @Test
    void restore_newerVersion_isRejected() {
        assertRejected("ERR DUMP payload version or checksum are wrong", sign(body(SHORT), 11));
        assertRejected("ERR DUMP payload version or checksum are wrong", sign(body(SHORT), 266));
    }

    @Test
    void restore_truncatedPayload_isRejected() {
        byte[] payload = FunctionDump.dump(List.of(bytes(SHORT)));
        assertRejected("ERR DUMP payload version or checksum are wrong", Arrays.copyOf(payload, payload.length - 1));
        assertRejected("ERR DUMP payload version or checksum are wrong", Arrays.copyOf(payload, 9));
    }

    @Test
    void restore_truncatedLibraryWithValidChecksum_isRejected() {
        assertRejected("ERR Failed loading library payload", sign(hex("f5"), 10)); // opcode only
        assertRejected("ERR Failed loading library payload", sign(hex("f5f5"), 10));
        byte[] code = bytes(SHORT);
        byte[] tooLong = concat(hex("f540" + String.format("%02x", code.length + 11)), code);
        assertRejected("ERR Failed loading library payload", sign(tooLong, 10));
    }

    @Test
    void restore_badStringEncoding_isRejected() {
        assertRejected("ERR Failed loading library payload", sign(hex("f5c4050100"), 10)); // encoding 4
        assertRejected("ERR Failed loading library payload", sign(hex("f5ff"), 10)); // encoding 63
        assertRejected("ERR Failed loading library payload", sign(hex("f582" + "61".repeat(12)), 10)); // length 0x82
        assertRejected("ERR Failed loading library payload", sign(hex("f5c30005"), 10)); // LZF of nothing into 5
        assertRejected("ERR Failed loading library payload", sign(hex("f5c3030401616161"), 10)); // LZF short
        assertRejected("ERR Failed loading library payload", sign(hex("f5c3030320000061"), 10)); // ref before start
    }

    @Test
    void restore_unknownOpcode_isRejected() {
        assertRejected("ERR given type is not a function", sign(concat(hex("00"), body(SHORT)), 10));
        assertRejected("ERR given type is not a function", sign(concat(body(SHORT), hex("f400")), 10));
    }

    @Test
    void restore_badPreGaEntry_namesThePart() {
        assertRejected("ERR Failed loading library name", sign(hex("f6c5"), 10));
        assertRejected("ERR Failed loading engine name", sign(hex("f6036f6c64c5"), 10));
        assertRejected("ERR Failed loading engine name", sign(hex("f6036f6c64"), 10)); // runs into the trailer
        assertRejected("ERR Failed loading library description indicator", sign(hex("f6036f6c64036c756185"), 10));
        assertRejected("ERR Failed loading library description", sign(hex("f6036f6c64036c756101c5"), 10));
        assertRejected("ERR Failed loading library blob", sign(hex("f6036f6c64036c756100c5"), 10));
    }

    // ---- LZF and CRC-64 ----

    @Test
    void lzf_randomData_roundTrips() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int len = 1 + random.nextInt(round < 1_000 ? 300 : 40_000);
            byte[] in = new byte[len];
            int alphabet = 1 + random.nextInt(round % 3 == 0 ? 256 : 4);
            for (int i = 0; i < len; i++) {
                in[i] = (byte) random.nextInt(alphabet);
            }
            byte[] packed = Lzf.compress(in, len + len / 16 + 16);
            byte[] out = new byte[len];
            assertEquals(len, Lzf.decompress(packed, 0, packed.length, out));
            assertArrayEquals(in, out);
        }
    }

    @Test
    void lzf_outputTooSmall_givesNull() {
        byte[] random = new byte[100];
        new Random(1).nextBytes(random);
        assertNull(Lzf.compress(random, 96));
        assertNull(Lzf.compress(new byte[0], 10));
        // 100 zeros: 2 literals, 96 bytes by back reference (a match stops 2 bytes short of the end), 2 literals
        assertHex("010000e05700010000", Lzf.compress(new byte[100], 96));
    }

    @Test
    void lzf_corruptInput_givesZero() {
        byte[] out = new byte[8];
        assertEquals(0, Lzf.decompress(hex("05616161"), 0, 4, out)); // literal past the input
        assertEquals(0, Lzf.decompress(hex("20"), 0, 1, out)); // back reference without its offset
        assertEquals(0, Lzf.decompress(hex("006120ff"), 0, 4, out)); // back reference before the start
        assertEquals(0, Lzf.decompress(hex("0061e00000"), 0, 5, out)); // 10 bytes into 8
        assertEquals(0, Lzf.decompress(new byte[0], 0, 0, out));
    }

    @Test
    void crc64_checkValue() {
        assertEquals(0xe9c6d914c4b8d9caL, Crc64.update(0, bytes("123456789"), 0, 9));
    }

    // ---- helpers ----

    /** Compares our RDB string with the one inside a captured {@code DUMP key} payload of a string. */
    private static void assertStringEncoding(String keyDumpHex, String value) {
        byte[] keyDump = hex(keyDumpHex);
        byte[] ours = FunctionDump.dump(List.of(bytes(value)));
        assertHex(HEX.formatHex(keyDump, 1, keyDump.length - 10), Arrays.copyOfRange(ours, 1, ours.length - 10));
        assertEquals(value, string(FunctionDump.restore(ours).get(0)));
    }

    private static void assertRejected(String error, byte[] payload) {
        CommandException e = assertThrows(CommandException.class, () -> FunctionDump.restore(payload));
        assertEquals(error, e.getMessage());
    }

    private static void assertHex(String expected, byte[] actual) {
        assertEquals(expected, HEX.formatHex(actual));
    }

    /** One FUNCTION2 entry with the code stored raw (fine for codes under 64 bytes or 14-bit lengths). */
    private static byte[] body(String code) {
        byte[] c = bytes(code);
        byte[] len = c.length < 64 ? new byte[] {(byte) c.length} : new byte[] {(byte) (0x40 | c.length >> 8), (byte) c.length};
        return concat(new byte[] {(byte) 0xf5}, concat(len, c));
    }

    /** body + version + CRC-64, as verifyDumpPayload expects. */
    private static byte[] sign(byte[] body, int version) {
        byte[] p = Arrays.copyOf(body, body.length + 10);
        p[body.length] = (byte) version;
        p[body.length + 1] = (byte) (version >>> 8);
        long crc = Crc64.update(0, p, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            p[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
