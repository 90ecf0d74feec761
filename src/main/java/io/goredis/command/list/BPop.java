package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BLPOP | BRPOP key [key ...] timeout}: pops one element from the head (tail) of the first
 * of the keys that holds a list and answers {@code [key, element]}; when none does, waits up to
 * {@code timeout} seconds (0: for ever) for one ({@link Block}) and answers a null array on
 * timeout. Each try is LMPOP's: the keys in order, read at one instant.
 */
final class BPop implements Command {

    private final End end;

    private BPop(End end) {
        this.end = end;
    }

    static BPop blpop() {
        return new BPop(End.LEFT);
    }

    static BPop brpop() {
        return new BPop(End.RIGHT);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        List<byte[]> keys = new ArrayList<>();
        while (args.remaining() > 1) {
            keys.add(args.next());
        }
        long timeout = Timeout.parseMillis(args.next());
        List<byte[]> lmpop = new ArrayList<>(keys.size() + 3);
        lmpop.add("lmpop".getBytes(StandardCharsets.US_ASCII));
        lmpop.add(Integer.toString(keys.size()).getBytes(StandardCharsets.US_ASCII));
        lmpop.addAll(keys);
        lmpop.add(end.name().getBytes(StandardCharsets.US_ASCII));
        LMPop pop = new LMPop();
        return Block.run(ctx, keys, timeout, () -> {
            Reply r = pop.execute(new Args(lmpop, 1), ctx);
            if (!(r instanceof Reply.ArrayReply a)) {
                return Reply.NULL_ARRAY;
            }
            // LMPOP's [key, [element]] becomes [key, element]
            Reply elements = a.items().get(1);
            return Reply.array(a.items().get(0), ((Reply.ArrayReply) elements).items().get(0));
        }, Reply.NULL_ARRAY, Reply.NULL_ARRAY);
    }
}
