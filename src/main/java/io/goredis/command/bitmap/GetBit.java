package io.goredis.command.bitmap;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import java.util.Optional;

/** {@code GETBIT key offset}: the bit at {@code offset}; 0 past the end or for an absent key. */
final class GetBit implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        long offset = BitArgs.bitOffset(args.next(), 0);
        args.finish();
        Optional<Entry> entry = ctx.store().get(ctx.session().db(), key);
        ctx.counters().hit(entry.isPresent());
        byte[] value = Values.stringOrNull(entry);
        long index = offset >>> 3;
        if (value == null || index >= value.length) {
            return Reply.ZERO;
        }
        int bit = (value[(int) index] >> (7 - (int) (offset & 7))) & 1;
        return bit == 1 ? Reply.ONE : Reply.ZERO;
    }
}
