package io.goredis.command.set;

import io.goredis.protocol.Reply;
import io.goredis.store.value.SetValue;
import java.util.ArrayList;
import java.util.List;

/** The replies the set commands share: members as bulk strings, as a RESP3 set or an array. */
final class SetReplies {

    /** Redis's {@code shared.emptyset}: RESP3 {@code ~0}, RESP2 {@code *0}. */
    static final Reply EMPTY_SET = new Reply.SetReply(List.of());

    private SetReplies() {}

    /** {@code set}'s members in its iteration order (ascending for an intset). */
    static List<Reply> members(SetValue set) {
        List<Reply> out = new ArrayList<>((int) Math.min(set.size(), Integer.MAX_VALUE - 8));
        set.forEach(m -> out.add(Reply.bulk(m)));
        return out;
    }

    /** {@code members} as a RESP3 set. */
    static Reply set(List<byte[]> members) {
        List<Reply> out = new ArrayList<>(members.size());
        for (byte[] m : members) {
            out.add(Reply.bulk(m));
        }
        return new Reply.SetReply(out);
    }

    /** {@code set}'s members as a RESP3 set. */
    static Reply set(SetValue set) {
        return new Reply.SetReply(members(set));
    }
}
