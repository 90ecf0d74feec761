package io.goredis.command.script;

import java.util.List;

/**
 * One function library (FUNCTION LOAD): its name, its whole code as loaded (metadata line
 * included, as FUNCTION LIST WITHCODE and FUNCTION DUMP give it back) and the functions its body
 * registered, in registration order.
 */
record Library(String name, byte[] code, List<Function> functions) {

    /** A registered function: its name (as given), description (or null) and flags. */
    record Function(String name, String description, ScriptFlags flags) {}

    Library {
        functions = List.copyOf(functions);
    }
}
