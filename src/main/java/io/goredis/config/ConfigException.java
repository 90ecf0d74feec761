package io.goredis.config;

/** A bad setting: the message is one line naming it, printed by Main before exiting non-zero. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
