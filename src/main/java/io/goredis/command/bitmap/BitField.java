package io.goredis.command.bitmap;

import io.goredis.store.value.StringValue;
import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.Values;
import io.goredis.protocol.Reply;
import io.goredis.store.Decision;
import io.goredis.store.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code BITFIELD key [GET type offset] [SET type offset value] [INCRBY type offset increment]
 * [OVERFLOW WRAP|SAT|FAIL] ...} and {@code BITFIELD_RO key [GET type offset] ...}: integer fields
 * of a string, run in order; the reply has one element per GET, SET (the old value) and INCRBY (the
 * new value), nil for a SET or INCRBY refused by OVERFLOW FAIL. OVERFLOW applies to the
 * subcommands after it. Types are {@code i1..i64} and {@code u1..u63}; {@code #N} as an offset
 * means N times the type's width.
 *
 * <p>As {@code bitfieldGeneric}: every subcommand is parsed before anything runs; with only GETs
 * the key is read (absent reads as zeros, nothing is created); otherwise the string is first
 * grown with zero bytes to the furthest bit any SET or INCRBY touches (an absent key is created,
 * even if every write then FAILs) and all subcommands run on it in one {@code Store.update}. The
 * expiry is kept. BITFIELD_RO refuses SET and INCRBY once parsing succeeded.
 */
final class BitField implements Command {

    enum Kind { GET, SET, INCRBY }

    /** One parsed subcommand, with the OVERFLOW in force where it appeared. */
    record Op(Kind kind, BitArgs.Type type, long offset, long value, Overflow overflow) {}

    private final boolean readOnlyCommand;

    private BitField(boolean readOnlyCommand) {
        this.readOnlyCommand = readOnlyCommand;
    }

    static BitField bitfield() {
        return new BitField(false);
    }

    static BitField bitfieldRo() {
        return new BitField(true);
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        List<byte[]> a = args.rest();
        List<Op> ops = new ArrayList<>();
        Overflow overflow = Overflow.WRAP;
        boolean writes = false;
        long highestBit = 0;
        for (int j = 0; j < a.size(); j++) {
            int remaining = a.size() - j - 1;
            byte[] sub = a.get(j);
            Kind kind;
            if (BitArgs.is(sub, "get") && remaining >= 2) {
                kind = Kind.GET;
            } else if (BitArgs.is(sub, "set") && remaining >= 3) {
                kind = Kind.SET;
            } else if (BitArgs.is(sub, "incrby") && remaining >= 3) {
                kind = Kind.INCRBY;
            } else if (BitArgs.is(sub, "overflow") && remaining >= 1) {
                overflow = overflow(a.get(++j));
                continue;
            } else {
                throw CommandException.syntax();
            }
            BitArgs.Type type = BitArgs.type(a.get(j + 1));
            long offset = BitArgs.bitOffset(a.get(j + 2), type.bits());
            long value = 0;
            if (kind != Kind.GET) {
                writes = true;
                highestBit = Math.max(highestBit, offset + type.bits() - 1);
                value = Args.parseLong(a.get(j + 3));
            }
            ops.add(new Op(kind, type, offset, value, overflow));
            j += kind == Kind.GET ? 2 : 3;
        }
        int db = ctx.session().db();
        if (!writes) {
            Optional<Entry> entry = ctx.store().get(db, key);
            ctx.counters().hit(entry.isPresent());
            byte[] p = Values.stringOrNull(entry);
            return Reply.array(run(p == null ? new byte[0] : p, ops).replies());
        }
        if (readOnlyCommand) {
            throw new CommandException("ERR BITFIELD_RO only supports the GET subcommand");
        }
        int length = (int) (highestBit >>> 3) + 1;
        List<Reply> replies = ctx.store().update(db, key, current -> {
            byte[] old = Values.stringOrNull(current);
            byte[] p = old == null ? new byte[length] : Arrays.copyOf(old, Math.max(old.length, length));
            boolean grown = old == null || p.length != old.length;
            Result result = run(p, ops);
            if (!grown && result.changes() == 0) {
                return Decision.keep(result.replies());
            }
            long expiry = current.map(Entry::expireAtMillis).orElse(Entry.NO_EXPIRY);
            return Decision.put(StringValue.raw(p), expiry, result.replies());
        });
        return Reply.array(replies);
    }

    private static Overflow overflow(byte[] name) {
        for (Overflow o : Overflow.values()) {
            if (BitArgs.is(name, o.name().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new CommandException("ERR Invalid OVERFLOW type specified");
    }

    /** The replies, and how many writes changed a field. */
    record Result(List<Reply> replies, int changes) {}

    /**
     * Runs {@code ops} in order on {@code p}, which SET and INCRBY modify in place (it must already
     * reach every field they write); GET reads past the end as zeros.
     */
    static Result run(byte[] p, List<Op> ops) {
        List<Reply> replies = new ArrayList<>(ops.size());
        int changes = 0;
        for (Op op : ops) {
            int bits = op.type().bits();
            boolean signed = op.type().signed();
            long old = signed ? BitInts.getSigned(p, op.offset(), bits) : BitInts.getUnsigned(p, op.offset(), bits);
            if (op.kind() == Kind.GET) {
                replies.add(Reply.integer(old));
                continue;
            }
            long base = op.kind() == Kind.INCRBY ? old : op.value();
            long incr = op.kind() == Kind.INCRBY ? op.value() : 0;
            Long next = signed
                    ? BitInts.addSigned(base, incr, bits, op.overflow())
                    : BitInts.addUnsigned(base, incr, bits, op.overflow());
            if (next == null) {
                replies.add(Reply.NULL);
                continue;
            }
            replies.add(Reply.integer(op.kind() == Kind.INCRBY ? next : old));
            BitInts.set(p, op.offset(), bits, next);
            if (next != old) {
                changes++;
            }
        }
        return new Result(replies, changes);
    }
}
