package io.goredis.command.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goredis.command.CommandSpec;
import io.goredis.command.Flag;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table rows against redis-server 7.0.15's COMMAND INFO (name, arity, flags, first, last, step). */
class StringCommandsTest {

    private final Map<String, CommandSpec> rows = StringCommands.all().stream()
            .collect(Collectors.toMap(CommandSpec::name, s -> s));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            get|2|readonly fast|1|1|1
            set|-3|write denyoom|1|1|1
            setnx|3|write denyoom fast|1|1|1
            setex|4|write denyoom|1|1|1
            psetex|4|write denyoom|1|1|1
            getset|3|write denyoom fast|1|1|1
            getdel|2|write fast|1|1|1
            getex|-2|write fast|1|1|1
            mget|-2|readonly fast|1|-1|1
            mset|-3|write denyoom|1|-1|2
            msetnx|-3|write denyoom|1|-1|2
            append|3|write denyoom fast|1|1|1
            strlen|2|readonly fast|1|1|1
            incr|2|write denyoom fast|1|1|1
            decr|2|write denyoom fast|1|1|1
            incrby|3|write denyoom fast|1|1|1
            decrby|3|write denyoom fast|1|1|1
            incrbyfloat|3|write denyoom fast|1|1|1
            getrange|4|readonly|1|1|1
            setrange|4|write denyoom|1|1|1
            lcs|-3|readonly|1|2|1
            """)
    void row_matchesRedis(String name, int arity, String flags, int first, int last, int step) {
        CommandSpec spec = rows.get(name);
        assertEquals(arity, spec.arity());
        Set<String> actual = spec.flags().stream().map(Flag::redisName).collect(Collectors.toSet());
        assertEquals(Set.of(flags.split(" ")), actual);
        assertEquals(first, spec.firstKey());
        assertEquals(last, spec.lastKey());
        assertEquals(step, spec.step());
        assertEquals("string", spec.group());
    }

    @Test
    void table_hasEveryStringCommand() {
        assertEquals(21, rows.size());
        assertTrue(rows.values().stream().allMatch(s -> s.subcommands().isEmpty()));
    }
}
