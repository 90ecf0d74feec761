package io.goredis.command;

/** Command flags as in Redis's {@code commands/*.json} ({@code command_flags}); COMMAND INFO prints {@link #redisName()}. */
public enum Flag {
    WRITE("write"),
    READONLY("readonly"),
    DENYOOM("denyoom"),
    ADMIN("admin"),
    NOSCRIPT("noscript"),
    LOADING("loading"),
    STALE("stale"),
    FAST("fast"),
    NO_AUTH("no_auth"),
    ALLOW_BUSY("allow_busy"),
    SKIP_SLOWLOG("skip_slowlog"),
    SKIP_MONITOR("skip_monitor");

    private final String redisName;

    Flag(String redisName) {
        this.redisName = redisName;
    }

    public String redisName() {
        return redisName;
    }
}
