package io.goredis.command.script;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.command.keys.Glob;
import io.goredis.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.goredis.store.MetaStore;

/** The FUNCTION subcommands, as Redis 7.0's functions.c. */
final class FunctionCommand {

    private FunctionCommand() {}

    /** {@code FUNCTION LOAD [REPLACE] code}: the library's name. */
    static Reply load(Scripting engine, Args args, MetaStore meta) {
        boolean replace = false;
        byte[] code = args.next();
        while (args.hasNext()) {
            if (!Args.equalsIgnoreCase(code, "REPLACE")) {
                throw new CommandException("ERR Unknown option given: " + new String(code, StandardCharsets.UTF_8));
            }
            replace = true;
            code = args.next();
        }
        Library library = engine.compileLibrary(code);
        boolean r = replace;
        engine.libraries().change(meta, s -> Functions.added(s, library, r));
        return Reply.bulk(library.name());
    }

    /** {@code FUNCTION DELETE library}. */
    static Reply delete(Scripting engine, Args args, MetaStore meta) {
        String name = args.nextString();
        args.finish();
        engine.libraries().change(meta, s -> Functions.deleted(s, name));
        return Reply.OK;
    }

    /** {@code FUNCTION FLUSH [ASYNC|SYNC]}. */
    static Reply flush(Scripting engine, Args args, MetaStore meta) {
        if (args.remaining() > 1) {
            throw syntax(args);
        }
        if (args.hasNext() && !args.nextIs("SYNC") && !args.nextIs("ASYNC")) {
            throw new CommandException("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        }
        engine.libraries().change(meta, s -> Map.of());
        return Reply.OK;
    }

    /** {@code FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]}. */
    static Reply list(Scripting engine, Args args, MetaStore meta) {
        boolean withCode = false;
        byte[] pattern = null;
        while (args.hasNext()) {
            byte[] a = args.next();
            if (!withCode && Args.equalsIgnoreCase(a, "WITHCODE")) {
                withCode = true;
            } else if (pattern == null && Args.equalsIgnoreCase(a, "LIBRARYNAME")) {
                if (!args.hasNext()) {
                    throw new CommandException("ERR library name argument was not given");
                }
                pattern = args.next();
            } else {
                throw new CommandException("ERR Unknown argument " + new String(a, StandardCharsets.UTF_8));
            }
        }
        List<Reply> out = new ArrayList<>();
        for (Library l : engine.libraries().current(meta, true).libraries().values()) {
            byte[] name = l.name().getBytes(StandardCharsets.UTF_8);
            if (pattern != null && !Glob.matchesIgnoreCase(pattern, name)) {
                continue;
            }
            List<Reply> keys = new ArrayList<>(List.of(Reply.bulk("library_name"), Reply.bulk("engine"),
                    Reply.bulk("functions")));
            List<Reply> functions = new ArrayList<>();
            for (Library.Function f : l.functions()) {
                List<Reply> flags = new ArrayList<>();
                f.flags().names().forEach(n -> flags.add(new Reply.SimpleString(n)));
                functions.add(new Reply.MapReply(
                        List.of(Reply.bulk("name"), Reply.bulk("description"), Reply.bulk("flags")),
                        List.of(Reply.bulk(f.name()), f.description() == null ? Reply.NULL : Reply.bulk(f.description()),
                                new Reply.SetReply(flags))));
            }
            List<Reply> values = new ArrayList<>(List.of(Reply.bulk(l.name()), Reply.bulk("LUA"),
                    Reply.array(functions)));
            if (withCode) {
                keys.add(Reply.bulk("library_code"));
                values.add(Reply.bulk(l.code()));
            }
            out.add(new Reply.MapReply(keys, values));
        }
        return Reply.array(out);
    }

    /** Redis's {@code addReplySubcommandSyntaxError}: the subcommand as the client typed it. */
    private static CommandException syntax(Args args) {
        return new CommandException("ERR unknown subcommand or wrong number of arguments for '"
                + new String(args.argv().get(1), StandardCharsets.UTF_8) + "'. Try FUNCTION HELP.");
    }

    /** {@code FUNCTION DUMP}: Redis's payload (RDB-encoded libraries, version, CRC64). */
    static Reply dump(Scripting engine, MetaStore meta) {
        return Reply.bulk(FunctionDump.dump(Functions.codes(engine.libraries().current(meta, true).libraries())));
    }

    /** {@code FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]}. */
    static Reply restore(Scripting engine, Args args, MetaStore meta) {
        byte[] payload = args.next();
        Functions.Policy policy = Functions.Policy.APPEND;
        if (args.hasNext()) {
            byte[] p = args.next();
            if (args.hasNext()) {
                throw syntax(args);
            }
            if (Args.equalsIgnoreCase(p, "APPEND")) {
                policy = Functions.Policy.APPEND;
            } else if (Args.equalsIgnoreCase(p, "REPLACE")) {
                policy = Functions.Policy.REPLACE;
            } else if (Args.equalsIgnoreCase(p, "FLUSH")) {
                policy = Functions.Policy.FLUSH;
            } else {
                throw new CommandException("ERR Wrong restore policy given, value should be either FLUSH, APPEND or "
                        + "REPLACE.");
            }
        }
        List<Library> libraries = engine.libraries().compileAll(payload);
        Functions.Policy p = policy;
        engine.libraries().change(meta, s -> Functions.restored(s, libraries, p));
        return Reply.OK;
    }

    /** {@code FUNCTION STATS}: the running function (nil when none) and the engine's counts. */
    static Reply stats(Scripting engine, MetaStore meta) {
        List<ScriptRun> evals = engine.running(ScriptRun.Kind.EVAL);
        if (!evals.isEmpty()) {
            throw new CommandException(ScriptCommand.BUSY_SCRIPT);
        }
        List<ScriptRun> fns = engine.running(ScriptRun.Kind.FUNCTION);
        Reply running = Reply.NULL;
        if (!fns.isEmpty()) {
            ScriptRun r = fns.get(0);
            List<Reply> command = new ArrayList<>();
            r.argv().forEach(a -> command.add(Reply.bulk(a)));
            running = new Reply.MapReply(List.of(Reply.bulk("name"), Reply.bulk("command"), Reply.bulk("duration_ms")),
                    List.of(Reply.bulk(r.name()), Reply.array(command), Reply.integer(r.runningMillis())));
        }
        Functions.Snapshot s = engine.libraries().current(meta, true);
        Reply lua = new Reply.MapReply(List.of(Reply.bulk("libraries_count"), Reply.bulk("functions_count")),
                List.of(Reply.integer(s.libraries().size()), Reply.integer(s.functions().size())));
        return new Reply.MapReply(List.of(Reply.bulk("running_script"), Reply.bulk("engines")),
                List.of(running, new Reply.MapReply(List.of(Reply.bulk("LUA")), List.of(lua))));
    }
}
