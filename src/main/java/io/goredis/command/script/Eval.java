package io.goredis.command.script;

import io.goredis.command.Args;
import io.goredis.command.Atomic;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.ExecutionGate;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code EVAL script numkeys [key ...] [arg ...]}, {@code EVALSHA sha1 numkeys ...} and their
 * {@code _RO} variants, as Redis 7.0's {@code evalGenericCommand}: numkeys checked first, then the
 * script found (EVALSHA: {@code NOSCRIPT}) or compiled and cached (EVAL), then the read-only rules
 * ({@code *_RO} refuses a shebang script without {@code no-writes}; a legacy script runs read-only),
 * then the script runs as one atomic step ({@link Atomic}).
 */
final class Eval implements Command {

    static final String NOSCRIPT = "NOSCRIPT No matching script. Please use EVAL.";
    static final String RO_WITH_WRITES = "ERR Can not execute a script with write flag using *_ro command.";

    private final Scripting engine;
    private final boolean bySha;
    private final boolean readOnly;

    Eval(Scripting engine, boolean bySha, boolean readOnly) {
        this.engine = engine;
        this.bySha = bySha;
        this.readOnly = readOnly;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] source = args.next();
        Invocation call = Invocation.parse(args, "ERR value is not an integer or out of range");
        Script script = bySha
                ? engine.script(new String(source, StandardCharsets.ISO_8859_1), ctx.store().meta())
                        .orElseThrow(() -> new CommandException(NOSCRIPT))
                : engine.load(source, ctx.store().meta());
        if (readOnly && !script.flags().evalCompat() && !script.flags().noWrites()) {
            throw new CommandException(RO_WITH_WRITES);
        }
        boolean ro = readOnly || script.flags().noWrites();
        return Atomic.run(ctx, ExecutionGate.Holder.EVAL, Map.of(), call.keyRefs(ctx.session().db()),
                c -> engine.run(c, script, call.keys(), call.args(), ro)).orElseThrow();
    }

    /** The keys and arguments of EVAL and FCALL: numkeys, then that many keys, then the rest. */
    record Invocation(List<byte[]> keys, List<byte[]> args) {

        /** The keys, distinct, in {@code db}. */
        List<io.goredis.store.KeyRef> keyRefs(int db) {
            java.util.LinkedHashSet<io.goredis.store.KeyRef> out = new java.util.LinkedHashSet<>();
            keys.forEach(k -> out.add(new io.goredis.store.KeyRef(db, k)));
            return List.copyOf(out);
        }

        /** @param notANumber the error for a numkeys that is not an integer (EVAL and FCALL differ) */
        static Invocation parse(Args args, String notANumber) {
            Long numkeys = Args.tryParseLong(args.next());
            if (numkeys == null) {
                throw new CommandException(notANumber);
            }
            List<byte[]> rest = args.rest();
            if (numkeys > rest.size()) {
                throw new CommandException("ERR Number of keys can't be greater than number of args");
            }
            if (numkeys < 0) {
                throw new CommandException("ERR Number of keys can't be negative");
            }
            int n = numkeys.intValue();
            return new Invocation(List.copyOf(rest.subList(0, n)), List.copyOf(rest.subList(n, rest.size())));
        }
    }
}
