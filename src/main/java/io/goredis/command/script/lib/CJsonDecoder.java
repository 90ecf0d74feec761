package io.goredis.command.script.lib;

import static io.goredis.command.script.lib.CJsonLexer.T_ARR_BEGIN;
import static io.goredis.command.script.lib.CJsonLexer.T_ARR_END;
import static io.goredis.command.script.lib.CJsonLexer.T_BOOLEAN;
import static io.goredis.command.script.lib.CJsonLexer.T_COLON;
import static io.goredis.command.script.lib.CJsonLexer.T_COMMA;
import static io.goredis.command.script.lib.CJsonLexer.T_END;
import static io.goredis.command.script.lib.CJsonLexer.T_ERROR;
import static io.goredis.command.script.lib.CJsonLexer.T_NULL;
import static io.goredis.command.script.lib.CJsonLexer.T_NUMBER;
import static io.goredis.command.script.lib.CJsonLexer.T_OBJ_BEGIN;
import static io.goredis.command.script.lib.CJsonLexer.T_OBJ_END;
import static io.goredis.command.script.lib.CJsonLexer.T_STRING;

import io.goredis.command.script.lib.CJsonLexer.Token;

/**
 * {@code cjson.decode}: the parsing half of lua_cjson.c (Redis 7.0), over {@link CJsonLexer}'s
 * tokens. Values are built on the real Lua stack (objects with {@code lua_rawset}, arrays with
 * {@code lua_rawseti}); null is the NULL lightuserdata ({@code cjson.null}); nesting deeper than
 * decode_max_depth (1000) or than the Lua stack allows fails as in C. Errors read "Expected value
 * but found invalid token at character 1". Called by {@link CJson}.
 */
final class CJsonDecoder {

    private final LuaCall c;
    private final CJson.Config cfg;
    private final CJsonLexer lexer;
    private int depth;

    private CJsonDecoder(LuaCall c, CJson.Config cfg, byte[] data) {
        this.c = c;
        this.cfg = cfg;
        this.lexer = new CJsonLexer(data, cfg.decodeInvalidNumbers != 0);
    }

    /** {@code json_decode}. */
    static int decode(LuaCall c, CJson.Config cfg) {
        c.argCheck(c.top() == 1, 1, "expected 1 argument");
        byte[] data = c.checkBytes(1);
        if (data.length >= 2 && (data[0] == 0 || data[1] == 0)) {
            throw c.error("JSON parser does not support UTF-16 or UTF-32");
        }
        CJsonDecoder d = new CJsonDecoder(c, cfg, data);
        Token token = new Token();
        d.lexer.nextToken(token);
        d.processValue(token);
        d.lexer.nextToken(token);
        if (token.type != T_END) {
            throw d.parseError("the end", token);
        }
        return 1;
    }

    /** {@code json_throw_parse_error}. */
    private LuaCall.Raised parseError(String expected, Token token) {
        String found = token.type == T_ERROR ? token.error : CJsonLexer.TOKEN_NAMES[token.type];
        return c.error("Expected ", expected, " but found ", found, " at character ", token.index + 1);
    }

    private void descend(int slots) {
        depth++;
        if (depth <= cfg.decodeMaxDepth && c.api.lua_checkstack(c.L, slots) != 0) {
            return;
        }
        throw c.error("Found too many nested data structures (", depth, ") at character ", lexer.ptr);
    }

    /** Reads "key" ":" of an object member; the key is pushed and the value's first token read. */
    private void memberKey(Token token) {
        if (token.type != T_STRING) {
            throw parseError("object key string", token);
        }
        c.pushBytes(token.string);
        lexer.nextToken(token);
        if (token.type != T_COLON) {
            throw parseError("colon", token);
        }
        lexer.nextToken(token);
    }

    /**
     * {@code json_process_value}, with {@code json_parse_object_context} and
     * {@code json_parse_array_context}: pushes the value {@code token} starts. The C recursion is
     * unrolled into {@code open} (the containers being filled, innermost last; for an array the next
     * index) so deep documents need no Java stack; the Lua stack is used exactly as in C.
     */
    private void processValue(Token token) {
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        while (true) {
            boolean complete = true; // a whole value is now on top of the stack
            switch (token.type) {
                case T_STRING -> c.pushBytes(token.string);
                case T_NUMBER -> c.pushNumber(token.number);
                case T_BOOLEAN -> c.pushBoolean(token.bool);
                case T_NULL -> c.api.lua_pushlightuserdata(c.L, 0);
                case T_OBJ_BEGIN -> {
                    descend(3);
                    c.api.lua_createtable(c.L, 0, 0);
                    lexer.nextToken(token);
                    if (token.type == T_OBJ_END) {
                        depth--;
                    } else {
                        memberKey(token);
                        open.push(new int[] {T_OBJ_BEGIN, 0});
                        complete = false;
                    }
                }
                case T_ARR_BEGIN -> {
                    descend(2);
                    c.api.lua_createtable(c.L, 0, 0);
                    lexer.nextToken(token);
                    if (token.type == T_ARR_END) {
                        depth--;
                    } else {
                        open.push(new int[] {T_ARR_BEGIN, 1});
                        complete = false;
                    }
                }
                default -> throw parseError("value", token);
            }
            // store completed values into their containers until one wants another value
            while (complete) {
                int[] container = open.peek();
                if (container == null) {
                    return;
                }
                if (storeAndContinue(container, token)) {
                    depth--;
                    open.pop();
                } else {
                    complete = false;
                }
            }
        }
    }

    /**
     * Stores the value on top into {@code container} and reads on: true at the container's end, else
     * false with the next value's first token in {@code token}.
     */
    private boolean storeAndContinue(int[] container, Token token) {
        if (container[0] == T_OBJ_BEGIN) {
            c.api.lua_rawset(c.L, -3);
            lexer.nextToken(token);
            if (token.type == T_OBJ_END) {
                return true;
            }
            if (token.type != T_COMMA) {
                throw parseError("comma or object end", token);
            }
            lexer.nextToken(token);
            memberKey(token);
            return false;
        }
        c.api.lua_rawseti(c.L, -2, container[1]++);
        lexer.nextToken(token);
        if (token.type == T_ARR_END) {
            return true;
        }
        if (token.type != T_COMMA) {
            throw parseError("comma or array end", token);
        }
        lexer.nextToken(token);
        return false;
    }
}
