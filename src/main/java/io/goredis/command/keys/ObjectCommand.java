package io.goredis.command.keys;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import io.goredis.store.Entry;
import io.goredis.store.value.StringValue;
import io.goredis.store.value.Value;
import java.util.Optional;

/**
 * {@code OBJECT ENCODING | REFCOUNT | IDLETIME | FREQ key}: what Redis says about a key's value
 * object; nil for a missing key.
 *
 * <ul>
 *   <li>ENCODING answers Redis 7.0's encodings by the same rules: int / embstr / raw for strings,
 *       listpack / hashtable for hashes, intset / hashtable for sets.</li>
 *   <li>REFCOUNT: Redis shares the integers 0..9999 (refcount {@code INT_MAX}); every other value
 *       has one reference.</li>
 *   <li>IDLETIME: goredis keeps no access clock per key, so it answers 0 (just accessed).</li>
 *   <li>FREQ: Redis's error, as goredis never runs an LFU maxmemory policy.</li>
 * </ul>
 */
final class ObjectCommand implements Command {

    enum Field { ENCODING, REFCOUNT, IDLETIME, FREQ }

    private static final long SHARED_REFCOUNT = Integer.MAX_VALUE;

    private final Field field;

    ObjectCommand(Field field) {
        this.field = field;
    }

    @Override
    public Reply execute(Args args, Context ctx) {
        byte[] key = args.next();
        args.finish();
        Reply answer = ctx.store().read(ctx.session().db(), key, (Optional<Entry> e) ->
                e.isEmpty() ? Reply.NULL : answer(e.get().value()));
        if (answer instanceof Reply.NullReply) {
            return answer;
        }
        if (field == Field.FREQ) {
            throw new CommandException("ERR An LFU maxmemory policy is not selected, access frequency not tracked."
                    + " Please note that when switching between policies at runtime LRU and LFU data will take"
                    + " some time to adjust.");
        }
        return answer;
    }

    private Reply answer(Value value) {
        return switch (field) {
            case ENCODING -> Reply.bulk(value.encoding());
            case REFCOUNT -> Reply.integer(value instanceof StringValue s && s.isSharedInteger() ? SHARED_REFCOUNT : 1);
            case IDLETIME -> Reply.integer(0);
            case FREQ -> Reply.integer(0);
        };
    }
}
