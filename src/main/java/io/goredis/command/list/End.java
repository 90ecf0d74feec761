package io.goredis.command.list;

import io.goredis.command.Args;
import io.goredis.command.CommandException;
import io.goredis.store.value.ListValue;

/**
 * An end of a list: Redis's {@code LIST_HEAD} (LEFT) and {@code LIST_TAIL} (RIGHT), as LMOVE and
 * LMPOP name them and LPUSH / RPOP imply them.
 */
enum End {
    LEFT,
    RIGHT;

    /** {@code LEFT} or {@code RIGHT}, any case, as Redis's {@code getListPositionFromObjectOrReply}; else a syntax error. */
    static End parse(byte[] arg) {
        if (Args.equalsIgnoreCase(arg, "left")) {
            return LEFT;
        }
        if (Args.equalsIgnoreCase(arg, "right")) {
            return RIGHT;
        }
        throw CommandException.syntax();
    }

    void push(ListValue list, byte[] element) {
        if (this == LEFT) {
            list.pushFront(element);
        } else {
            list.pushBack(element);
        }
    }

    /** Removes and returns the element at this end; the list must not be empty. */
    byte[] pop(ListValue list) {
        return this == LEFT ? list.popFront() : list.popBack();
    }
}
