package io.goredis.command.script;

import io.goredis.command.Args;
import io.goredis.command.Atomic;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.command.ExecutionGate;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code FCALL function numkeys [key ...] [arg ...]} and {@code FCALL_RO}, as Redis 7.0's
 * {@code fcallCommandGeneric}: the function is found first (any case), then numkeys checked, then
 * FCALL_RO refuses a function without the {@code no-writes} flag, then it runs as one atomic step.
 */
final class FCall implements Command {

    private final Scripting engine;
    private final boolean readOnly;

    FCall(Scripting engine, boolean readOnly) {
        this.engine = engine;
        this.readOnly = readOnly;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        String name = new String(args.next(), StandardCharsets.UTF_8);
        Functions.Owned f = engine.libraries().current(ctx.store().meta(), false).functions()
                .get(name.toLowerCase(java.util.Locale.ROOT));
        if (f == null) {
            // perhaps loaded on another node since this one last looked
            f = engine.libraries().current(ctx.store().meta(), true).functions().get(name.toLowerCase(java.util.Locale.ROOT));
        }
        if (f == null) {
            throw new CommandException("ERR Function not found");
        }
        Eval.Invocation call = Eval.Invocation.parse(args, "ERR Bad number of keys provided");
        if (readOnly && !f.function().flags().noWrites()) {
            throw new CommandException(Eval.RO_WITH_WRITES);
        }
        boolean ro = readOnly || f.function().flags().noWrites();
        Functions.Owned function = f;
        return Atomic.run(ctx, ExecutionGate.Holder.FUNCTION, Map.of(), call.keyRefs(ctx.session().db()),
                c -> engine.call(c, function, call.keys(), call.args(), ro, args.argv())).orElseThrow();
    }
}
