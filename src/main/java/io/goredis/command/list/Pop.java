package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.value.ListValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LPOP | RPOP key [count]}: removes and answers elements from the head or the tail, as
 * Redis's {@code popGenericCommand}. Without a count, one element as a bulk string (nil for an
 * absent key); with one, an array of up to {@code count} elements in the order they were popped
 * (a null array for an absent key, an empty one for a count of 0). The count is checked before the
 * key. The list is deleted once empty; otherwise its expiry is kept.
 */
final class Pop implements Command {

    static final String BAD_COUNT = "ERR value is out of range, must be positive";

    private final String name;
    private final End end;

    private Pop(String name, End end) {
        this.name = name;
        this.end = end;
    }

    static Pop lpop() {
        return new Pop("lpop", End.LEFT);
    }

    static Pop rpop() {
        return new Pop("rpop", End.RIGHT);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        if (args.remaining() > 1) {
            throw new CommandException("ERR wrong number of arguments for '" + name + "' command");
        }
        if (!args.hasNext()) {
            return popOne(ctx, key);
        }
        Long count = Args.tryParseLong(args.next());
        if (count == null || count < 0) {
            throw new CommandException(BAD_COUNT);
        }
        return popMany(ctx, key, count);
    }

    private Reply popOne(Context ctx, byte[] key) {
        return ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                return Decision.keep(Reply.NULL);
            }
            Reply element = Reply.bulk(end.pop(list));
            return list.isEmpty() ? Decision.delete(element) : Decision.put(list, Values.expiry(current), element);
        });
    }

    private Reply popMany(Context ctx, byte[] key, long count) {
        return ctx.store().update(ctx.session().db(), key, current -> {
            ListValue list = Values.list(current);
            if (list == null) {
                return Decision.keep(Reply.NULL_ARRAY);
            }
            if (count == 0) {
                return Decision.keep(Reply.EMPTY_ARRAY);
            }
            Reply popped = new Reply.ArrayReply(pop(list, end, count));
            return list.isEmpty() ? Decision.delete(popped) : Decision.put(list, Values.expiry(current), popped);
        });
    }

    /** Pops up to {@code count} elements from {@code end} of {@code list}, in popping order. */
    static List<Reply> pop(ListValue list, End end, long count) {
        int n = (int) Math.min(count, list.size());
        List<Reply> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Reply.bulk(end.pop(list)));
        }
        return out;
    }
}
