package io.goredis.command.zset;

import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** Replies listing sorted-set elements, as Redis 7.0 shapes them. */
final class ZReplies {

    private ZReplies() {}

    /**
     * Members, or with {@code scores} member, score pairs: flat in RESP2, an array of two-element
     * arrays in RESP3 (Redis 7.0's ZRANGE WITHSCORES and friends).
     */
    static Reply elements(List<byte[]> members, List<Double> scores, int protocol) {
        List<Reply> out = new ArrayList<>(scores == null || protocol == 3 ? members.size() : 2 * members.size());
        for (int i = 0; i < members.size(); i++) {
            Reply m = Reply.bulk(members.get(i));
            if (scores == null) {
                out.add(m);
            } else if (protocol == 3) {
                out.add(Reply.array(m, Scores.reply(scores.get(i))));
            } else {
                out.add(m);
                out.add(Scores.reply(scores.get(i)));
            }
        }
        return Reply.array(out);
    }
}
