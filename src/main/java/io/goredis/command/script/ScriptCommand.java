package io.goredis.command.script;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.goredis.store.MetaStore;

/** The SCRIPT subcommands: LOAD, EXISTS, FLUSH, KILL, DEBUG, as Redis 7.0's {@code scriptCommand}. */
final class ScriptCommand {

    static final String NOTBUSY = "NOTBUSY No scripts in execution right now.";
    static final String UNKILLABLE = "UNKILLABLE Sorry the script already executed write commands against the "
            + "dataset. You can either wait the script termination or kill the server in a hard way using the "
            + "SHUTDOWN NOSAVE command.";
    static final String BUSY_FUNCTION = "BUSY Redis is busy running a script. You can only call FUNCTION KILL or "
            + "SHUTDOWN NOSAVE.";
    static final String BUSY_SCRIPT = "BUSY Redis is busy running a script. You can only call SCRIPT KILL or "
            + "SHUTDOWN NOSAVE.";

    private ScriptCommand() {}

    /** {@code SCRIPT LOAD script}: compile and cache; the sha. */
    static Reply load(Scripting engine, Args args, MetaStore meta) {
        byte[] body = args.next();
        args.finish();
        return Reply.bulk(engine.load(body, meta, true).sha());
    }

    /** {@code SCRIPT EXISTS sha1 [sha1 ...]}: 1 or 0 per sha. */
    static Reply exists(Scripting engine, Args args, MetaStore meta) {
        List<Reply> out = new ArrayList<>();
        while (args.hasNext()) {
            out.add(engine.script(new String(args.next(), StandardCharsets.ISO_8859_1), meta).isPresent()
                    ? Reply.ONE : Reply.ZERO);
        }
        return Reply.array(out);
    }

    /** {@code SCRIPT FLUSH [ASYNC|SYNC]}: both flush at once. */
    static Reply flush(Scripting engine, Args args, MetaStore meta) {
        if (args.remaining() > 1 || (args.hasNext() && !args.nextIs("SYNC") && !args.nextIs("ASYNC"))) {
            throw new CommandException("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
        }
        engine.flush(meta);
        return Reply.OK;
    }

    /**
     * {@code SCRIPT KILL} ({@code eval}) and {@code FUNCTION KILL}: stops the longest-running script
     * of that kind on this node unless it already wrote (Redis's {@code scriptKill}).
     */
    static Reply kill(Scripting engine, boolean eval) {
        List<ScriptRun> all = engine.running();
        if (all.isEmpty()) {
            throw new CommandException(NOTBUSY);
        }
        List<ScriptRun> mine = engine.running(eval ? ScriptRun.Kind.EVAL : ScriptRun.Kind.FUNCTION);
        ScriptRun target = mine.isEmpty() ? all.get(0) : mine.get(0);
        if (target.wrote()) {
            throw new CommandException(UNKILLABLE);
        }
        if (mine.isEmpty()) {
            throw new CommandException(eval ? BUSY_FUNCTION : BUSY_SCRIPT);
        }
        target.kill();
        return Reply.OK;
    }

    /** {@code SCRIPT DEBUG YES|SYNC|NO}: goredis has no Lua debugger; NO is accepted. */
    static Reply debug(Args args) {
        if (args.nextIs("NO")) {
            args.finish();
            return Reply.OK;
        }
        if (args.nextIs("YES") || args.nextIs("SYNC")) {
            throw new CommandException("ERR SCRIPT DEBUG is not supported by goredis (it has no Lua debugger)");
        }
        throw new CommandException("ERR Use SCRIPT DEBUG YES/SYNC/NO");
    }
}
