package io.goredis.command.script;

import java.util.Arrays;

/**
 * One EVAL script as the cache keeps it: its SHA1 (lower-case hex), the whole body as sent, the
 * part Lua compiles (the body after the shebang line, whose newline is kept so line numbers stay
 * the user's), and its flags.
 */
record Script(String sha, byte[] body, byte[] lua, ScriptFlags flags) {

    static Script of(byte[] body) {
        ScriptFlags.Shebang shebang = ScriptFlags.parse(body);
        return new Script(Sha1.hex(body), body, Arrays.copyOfRange(body, shebang.length(), body.length),
                shebang.flags());
    }
}
