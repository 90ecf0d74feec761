package io.goredis.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parameters CONFIG GET / SET know, by name, in the order they were added. Each has a getter
 * and, if it can change at runtime, a setter that validates and applies a value. Built by the
 * server from its {@code Config}; other parts may add their own. Thread-safe for reads after start-up.
 */
public final class ConfigParams {

    /** Applies a new value, or throws {@link IllegalArgumentException} whose message is Redis's reason. */
    @FunctionalInterface
    public interface Setter {
        void set(String value);
    }

    /** One parameter; {@code setter} null means immutable. */
    public record Param(String name, Supplier<String> getter, Setter setter) {}

    private final Map<String, Param> params = new LinkedHashMap<>();

    public ConfigParams add(String name, Supplier<String> getter, Setter setter) {
        params.put(name, new Param(name, getter, setter));
        return this;
    }

    /** An immutable parameter with a fixed value. */
    public ConfigParams constant(String name, String value) {
        return add(name, () -> value, null);
    }

    public Param get(String name) {
        return params.get(name);
    }

    public List<Param> all() {
        return new ArrayList<>(params.values());
    }

    /** A setter for an integer parameter within bounds, with Redis's error texts. */
    public static Setter integer(long min, long max, Consumer<Long> apply) {
        return value -> {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument couldn't be parsed into an integer");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("argument must be between " + min + " and " + max + " inclusive");
            }
            apply.accept(v);
        };
    }

    /** A setter for a yes/no parameter, with Redis's error text. */
    public static Setter bool(Consumer<Boolean> apply) {
        return value -> {
            if (value.equalsIgnoreCase("yes")) {
                apply.accept(true);
            } else if (value.equalsIgnoreCase("no")) {
                apply.accept(false);
            } else {
                throw new IllegalArgumentException("argument must be 'yes' or 'no'");
            }
        };
    }
}
