package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;

/**
 * {@code TOUCH key [key ...]}: how many of the keys exist (repeats counted). Redis also refreshes
 * their LRU clock; goredis keeps no per-key access time, so this is EXISTS by another name.
 */
final class Touch implements Command {

    @Override
    public Reply execute(Args args, Context ctx) {
        return Reply.integer(Exists.countLive(args.rest(), ctx));
    }
}
