package io.goredis.command.bitmap;

import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.FAST;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.WRITE;

import io.goredis.command.CommandSpec;
import java.util.List;
import java.util.Set;

/**
 * The bitmap group's rows of the command table: bit operations on string values, ported from
 * Redis 7.0's {@code src/bitops.c}. Arity, flags and key positions are Redis 7.0's, as
 * {@code COMMAND INFO} prints them (BITOP's keys start at the destination, argument 2).
 */
public final class BitmapCommands {

    private static final String GROUP = "bitmap";

    private BitmapCommands() {}

    public static List<CommandSpec> all() {
        return List.of(
                CommandSpec.keyed("setbit", 4, GROUP, Set.of(WRITE, DENYOOM), 1, 1, 1, new SetBit()),
                CommandSpec.keyed("getbit", 3, GROUP, Set.of(READONLY, FAST), 1, 1, 1, new GetBit()),
                CommandSpec.keyed("bitcount", -2, GROUP, Set.of(READONLY), 1, 1, 1, new BitCount()),
                CommandSpec.keyed("bitpos", -3, GROUP, Set.of(READONLY), 1, 1, 1, new BitPos()),
                CommandSpec.keyed("bitop", -4, GROUP, Set.of(WRITE, DENYOOM), 2, -1, 1, new BitOp()),
                CommandSpec.keyed("bitfield", -2, GROUP, Set.of(WRITE, DENYOOM), 1, 1, 1, BitField.bitfield()),
                CommandSpec.keyed("bitfield_ro", -2, GROUP, Set.of(READONLY, FAST), 1, 1, 1, BitField.bitfieldRo()));
    }
}
