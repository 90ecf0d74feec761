package io.goredis.command.script.lib;

/**
 * The tokenizer of lua_cjson.c ({@code json_next_token} and what it calls), for {@link CJsonDecoder}.
 * The input is read as C reads it, a NUL-terminated string: a NUL (or the end) is T_END, or inside a
 * string token "unexpected end of string". Numbers go through {@code strtod} ({@link CNumbers}), so
 * hex, inf and nan are numbers while decode_invalid_numbers is on (its default); \\uXXXX escapes and
 * surrogate pairs become UTF-8.
 */
final class CJsonLexer {

    static final int T_OBJ_BEGIN = 0;
    static final int T_OBJ_END = 1;
    static final int T_ARR_BEGIN = 2;
    static final int T_ARR_END = 3;
    static final int T_STRING = 4;
    static final int T_NUMBER = 5;
    static final int T_BOOLEAN = 6;
    static final int T_NULL = 7;
    static final int T_COLON = 8;
    static final int T_COMMA = 9;
    static final int T_END = 10;
    static final int T_WHITESPACE = 11;
    static final int T_ERROR = 12;
    static final int T_UNKNOWN = 13;

    static final String[] TOKEN_NAMES = {
        "T_OBJ_BEGIN", "T_OBJ_END", "T_ARR_BEGIN", "T_ARR_END", "T_STRING", "T_NUMBER", "T_BOOLEAN",
        "T_NULL", "T_COLON", "T_COMMA", "T_END", "T_WHITESPACE", "T_ERROR", "T_UNKNOWN"
    };

    private static final int[] CH2TOKEN = new int[256];
    private static final byte[] ESCAPE2CHAR = new byte[256];

    static {
        java.util.Arrays.fill(CH2TOKEN, T_ERROR);
        CH2TOKEN['{'] = T_OBJ_BEGIN;
        CH2TOKEN['}'] = T_OBJ_END;
        CH2TOKEN['['] = T_ARR_BEGIN;
        CH2TOKEN[']'] = T_ARR_END;
        CH2TOKEN[','] = T_COMMA;
        CH2TOKEN[':'] = T_COLON;
        CH2TOKEN[0] = T_END;
        CH2TOKEN[' '] = T_WHITESPACE;
        CH2TOKEN['\t'] = T_WHITESPACE;
        CH2TOKEN['\n'] = T_WHITESPACE;
        CH2TOKEN['\r'] = T_WHITESPACE;
        for (char ch : "fiInNt\"+-0123456789".toCharArray()) {
            CH2TOKEN[ch] = T_UNKNOWN;
        }
        ESCAPE2CHAR['"'] = '"';
        ESCAPE2CHAR['\\'] = '\\';
        ESCAPE2CHAR['/'] = '/';
        ESCAPE2CHAR['b'] = '\b';
        ESCAPE2CHAR['t'] = '\t';
        ESCAPE2CHAR['n'] = '\n';
        ESCAPE2CHAR['f'] = '\f';
        ESCAPE2CHAR['r'] = '\r';
        ESCAPE2CHAR['u'] = 'u';
    }

    /** {@code json_token_t}. */
    static final class Token {
        int type;
        int index;
        byte[] string;
        double number;
        boolean bool;
        String error;
    }

    private final byte[] data;
    private final boolean invalidNumbers;
    private final ByteBuilder tmp;
    /** {@code json->ptr}: the next byte to read. */
    int ptr;

    CJsonLexer(byte[] data, boolean invalidNumbers) {
        this.data = data;
        this.invalidNumbers = invalidNumbers;
        this.tmp = new ByteBuilder(Math.min(data.length, 1 << 16));
    }

    /** The byte at {@code i} as C sees it: past the end is the terminating NUL. */
    private int at(int i) {
        return i < data.length ? data[i] & 0xff : 0;
    }

    private static int hexDigit(int ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        ch |= 0x20;
        return ch >= 'a' && ch <= 'f' ? 10 + ch - 'a' : -1;
    }

    private int decodeHex4(int at) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexDigit(at(at + i));
            if (d < 0) {
                return -1;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /** {@code json_append_unicode_escape}: false when invalid (ptr left on the backslash). */
    private boolean appendUnicodeEscape() {
        int codepoint = decodeHex4(ptr + 2);
        if (codepoint < 0) {
            return false;
        }
        int escapeLen = 6;
        if ((codepoint & 0xF800) == 0xD800) {
            if ((codepoint & 0x400) != 0) {
                return false;
            }
            if (at(ptr + escapeLen) != '\\' || at(ptr + escapeLen + 1) != 'u') {
                return false;
            }
            int low = decodeHex4(ptr + 2 + escapeLen);
            if (low < 0 || (low & 0xFC00) != 0xDC00) {
                return false;
            }
            codepoint = (((codepoint & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
            escapeLen = 12;
        }
        if (codepoint <= 0x7F) {
            tmp.append(codepoint);
        } else if (codepoint <= 0x7FF) {
            tmp.append((codepoint >> 6) | 0xC0).append((codepoint & 0x3F) | 0x80);
        } else if (codepoint <= 0xFFFF) {
            tmp.append((codepoint >> 12) | 0xE0).append(((codepoint >> 6) & 0x3F) | 0x80).append((codepoint & 0x3F) | 0x80);
        } else {
            tmp.append((codepoint >> 18) | 0xF0).append(((codepoint >> 12) & 0x3F) | 0x80)
                    .append(((codepoint >> 6) & 0x3F) | 0x80).append((codepoint & 0x3F) | 0x80);
        }
        ptr += escapeLen;
        return true;
    }

    private void setTokenError(Token token, String error) {
        token.type = T_ERROR;
        token.index = ptr;
        token.error = error;
    }

    private void nextStringToken(Token token) {
        ptr++; // the opening quote
        tmp.reset();
        int ch;
        while ((ch = at(ptr)) != '"') {
            if (ch == 0) {
                setTokenError(token, "unexpected end of string");
                return;
            }
            if (ch == '\\') {
                ch = ESCAPE2CHAR[at(ptr + 1)] & 0xff;
                if (ch == 'u') {
                    if (appendUnicodeEscape()) {
                        continue;
                    }
                    setTokenError(token, "invalid unicode escape code");
                    return;
                }
                if (ch == 0) {
                    setTokenError(token, "invalid escape code");
                    return;
                }
                ptr++;
            }
            tmp.append(ch);
            ptr++;
        }
        ptr++; // the closing quote
        token.type = T_STRING;
        token.string = tmp.toBytes();
    }

    /** {@code json_is_invalid_number}: what strict JSON refuses but strtod takes (chars are signed in C). */
    private boolean isInvalidNumber() {
        int p = ptr;
        if (at(p) == '+') {
            return true;
        }
        if (at(p) == '-') {
            p++;
        }
        if (at(p) == '0') {
            int ch2 = at(p + 1);
            return (ch2 | 0x20) == 'x' || (ch2 >= '0' && ch2 <= '9');
        }
        if ((byte) at(p) <= '9') {
            return false;
        }
        return startsWithIgnoreCase(p, "inf") || startsWithIgnoreCase(p, "nan");
    }

    private boolean startsWithIgnoreCase(int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((at(p + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(ptr + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void nextNumberToken(Token token) {
        token.type = T_NUMBER;
        CNumbers.Parsed parsed = CNumbers.strtod(data, ptr);
        token.number = parsed.value();
        if (parsed.end() == ptr) {
            setTokenError(token, "invalid number");
        } else {
            ptr = parsed.end();
        }
    }

    /** {@code json_next_token}: fills {@code token}; an error token leaves the position on the error. */
    void nextToken(Token token) {
        int ch;
        while (true) {
            ch = at(ptr);
            token.type = CH2TOKEN[ch];
            if (token.type != T_WHITESPACE) {
                break;
            }
            ptr++;
        }
        token.index = ptr;
        if (token.type == T_ERROR) {
            setTokenError(token, "invalid token");
            return;
        }
        if (token.type == T_END) {
            return;
        }
        if (token.type != T_UNKNOWN) {
            ptr++;
            return;
        }
        if (ch == '"') {
            nextStringToken(token);
        } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
            if (!invalidNumbers && isInvalidNumber()) {
                setTokenError(token, "invalid number");
                return;
            }
            nextNumberToken(token);
        } else if (startsWith("true")) {
            token.type = T_BOOLEAN;
            token.bool = true;
            ptr += 4;
        } else if (startsWith("false")) {
            token.type = T_BOOLEAN;
            token.bool = false;
            ptr += 5;
        } else if (startsWith("null")) {
            token.type = T_NULL;
            ptr += 4;
        } else if (invalidNumbers && isInvalidNumber()) {
            nextNumberToken(token);
        } else {
            setTokenError(token, "invalid token");
        }
    }
}
