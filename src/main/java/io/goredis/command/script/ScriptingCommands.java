package io.goredis.command.script;

import static io.goredis.command.Flag.ALLOW_BUSY;
import static io.goredis.command.Flag.DENYOOM;
import static io.goredis.command.Flag.WRITE;
import static io.goredis.command.Flag.LOADING;
import static io.goredis.command.Flag.MOVABLEKEYS;
import static io.goredis.command.Flag.NOSCRIPT;
import static io.goredis.command.Flag.NO_MANDATORY_KEYS;
import static io.goredis.command.Flag.READONLY;
import static io.goredis.command.Flag.SKIP_MONITOR;
import static io.goredis.command.Flag.STALE;

import io.goredis.command.CommandException;
import io.goredis.command.CommandSpec;
import io.goredis.command.connection.Help;
import java.util.List;
import java.util.Set;

/** The scripting group's rows of the command table (Redis 7.0's {@code commands/*.json}). */
public final class ScriptingCommands {

    private ScriptingCommands() {}

    private static final String[] FUNCTION_HELP = {
        "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "LOAD [REPLACE] <FUNCTION CODE>",
        "    Create a new library with the given library name and code.",
        "DELETE <LIBRARY NAME>",
        "    Delete the given library.",
        "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
        "    Return general information on all the libraries:",
        "    * Library name",
        "    * The engine used to run the Library",
        "    * Library description",
        "    * Functions list",
        "    * Library code (if WITHCODE is given)",
        "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
        "STATS",
        "    Return information about the current function running:",
        "    * Function name",
        "    * Command used to run the function",
        "    * Duration in MS that the function is running",
        "    If no function is running, return nil",
        "    In addition, returns a list of available engines.",
        "KILL",
        "    Kill the current running function.",
        "FLUSH [ASYNC|SYNC]",
        "    Delete all the libraries.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the libraries.",
        "    * SYNC: Synchronously flush the libraries.",
        "DUMP",
        "    Return a serialized payload representing the current libraries, can be restored using FUNCTION "
                + "RESTORE command",
        "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
        "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
        "    control how to handle existing libraries (default APPEND):",
        "    * FLUSH: delete all existing libraries.",
        "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
        "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
        "      libraries with the new libraries (notice that even on this option there is a chance of failure",
        "      in case of functions name collision with another library).",
        "HELP",
        "    Prints this help.",
    };

    public static List<CommandSpec> all(Scripting engine) {
        Set<io.goredis.command.Flag> eval = Set.of(NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS, MOVABLEKEYS);
        Set<io.goredis.command.Flag> evalRo = Set.of(READONLY, NOSCRIPT, STALE, SKIP_MONITOR, NO_MANDATORY_KEYS,
                MOVABLEKEYS);
        return List.of(
                CommandSpec.of("eval", -3, "scripting", eval, new Eval(engine, false, false)),
                CommandSpec.of("evalsha", -3, "scripting", eval, new Eval(engine, true, false)),
                CommandSpec.of("eval_ro", -3, "scripting", evalRo, new Eval(engine, false, true)),
                CommandSpec.of("evalsha_ro", -3, "scripting", evalRo, new Eval(engine, true, true)),
                CommandSpec.of("fcall", -3, "scripting", eval, new FCall(engine, false)),
                CommandSpec.of("fcall_ro", -3, "scripting", evalRo, new FCall(engine, true)),
                CommandSpec.container("function", -2, "scripting", Set.of(), (args, ctx) -> {
                    throw new CommandException("ERR unknown subcommand. Try FUNCTION HELP.");
                }, List.of(
                        CommandSpec.of("function|load", -3, "scripting", Set.of(WRITE, DENYOOM, NOSCRIPT),
                                (args, ctx) -> FunctionCommand.load(engine, args, ctx.store().meta())),
                        CommandSpec.of("function|delete", 3, "scripting", Set.of(WRITE, NOSCRIPT),
                                (args, ctx) -> FunctionCommand.delete(engine, args, ctx.store().meta())),
                        CommandSpec.of("function|flush", -2, "scripting", Set.of(WRITE, NOSCRIPT),
                                (args, ctx) -> FunctionCommand.flush(engine, args, ctx.store().meta())),
                        CommandSpec.of("function|list", -2, "scripting", Set.of(NOSCRIPT),
                                (args, ctx) -> FunctionCommand.list(engine, args, ctx.store().meta())),
                        CommandSpec.of("function|dump", 2, "scripting", Set.of(NOSCRIPT),
                                (args, ctx) -> FunctionCommand.dump(engine, ctx.store().meta())),
                        CommandSpec.of("function|restore", -3, "scripting", Set.of(WRITE, DENYOOM, NOSCRIPT),
                                (args, ctx) -> FunctionCommand.restore(engine, args, ctx.store().meta())),
                        CommandSpec.of("function|stats", 2, "scripting", Set.of(NOSCRIPT, ALLOW_BUSY),
                                (args, ctx) -> FunctionCommand.stats(engine, ctx.store().meta())),
                        CommandSpec.of("function|kill", 2, "scripting", Set.of(NOSCRIPT, ALLOW_BUSY),
                                (args, ctx) -> ScriptCommand.kill(engine, false)),
                        CommandSpec.of("function|help", 2, "scripting", Set.of(LOADING, STALE), new Help(FUNCTION_HELP)))),
                CommandSpec.container("script", -2, "scripting", Set.of(), (args, ctx) -> {
                    throw new CommandException("ERR unknown subcommand. Try SCRIPT HELP.");
                }, List.of(
                        CommandSpec.of("script|load", 3, "scripting", Set.of(NOSCRIPT, STALE),
                                (args, ctx) -> ScriptCommand.load(engine, args, ctx.store().meta())),
                        CommandSpec.of("script|exists", -3, "scripting", Set.of(NOSCRIPT),
                                (args, ctx) -> ScriptCommand.exists(engine, args, ctx.store().meta())),
                        CommandSpec.of("script|flush", -2, "scripting", Set.of(NOSCRIPT),
                                (args, ctx) -> ScriptCommand.flush(engine, args, ctx.store().meta())),
                        CommandSpec.of("script|kill", 2, "scripting", Set.of(NOSCRIPT, ALLOW_BUSY),
                                (args, ctx) -> ScriptCommand.kill(engine, true)),
                        CommandSpec.of("script|debug", 3, "scripting", Set.of(NOSCRIPT),
                                (args, ctx) -> ScriptCommand.debug(args)),
                        CommandSpec.of("script|help", 2, "scripting", Set.of(LOADING, STALE), new Help(
                                "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                                "DEBUG (YES|SYNC|NO)",
                                "    Set the debug mode for subsequent scripts executed.",
                                "EXISTS <sha1> [<sha1> ...]",
                                "    Return information about the existence of the scripts in the script cache.",
                                "FLUSH [ASYNC|SYNC]",
                                "    Flush the Lua scripts cache. Very dangerous on replicas.",
                                "    When called without the optional mode argument, the behavior is determined by the",
                                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                                "    * ASYNC: Asynchronously flush the scripts cache.",
                                "    * SYNC: Synchronously flush the scripts cache.",
                                "KILL",
                                "    Kill the currently executing Lua script.",
                                "LOAD <script>",
                                "    Load a script into the scripts cache without executing it.",
                                "HELP",
                                "    Prints this help.")))));
    }
}
