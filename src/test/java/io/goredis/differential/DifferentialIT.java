package io.goredis.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The differential suite: every script in {@code src/test/resources/differential/*.redis} is sent
 * to a real redis-server and to goredis, and the replies are compared (byte for byte unless a
 * directive says otherwise; see {@link Script}). One dynamic test per script.
 */
@ExtendWith(RealRedisExtension.class)
class DifferentialIT {

    @TestFactory
    Stream<DynamicTest> scripts(Targets targets) throws Exception {
        return tests(targets, "memory");
    }

    /** One dynamic test per script, comparing {@code targets}; goredis runs on {@code store}. */
    static Stream<DynamicTest> tests(Targets targets, String store) throws Exception {
        return tests(targets, store, file -> true);
    }

    /** As {@link #tests(Targets, String)}, for the scripts {@code which} accepts. */
    static Stream<DynamicTest> tests(Targets targets, String store, java.util.function.Predicate<Path> which)
            throws Exception {
        return scriptFiles().stream().filter(which).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), file.toUri(), () -> runScript(targets, store, file)));
    }

    private static void runScript(Targets targets, String store, Path file) throws Exception {
        Script script = Script.load(file);
        Assumptions.assumeTrue(script.pendingReason() == null,
                () -> script.name() + " is pending: " + script.pendingReason());
        Assumptions.assumeTrue(script.onlyStore() == null || script.onlyStore().equals(store),
                () -> script.name() + " runs only on the " + script.onlyStore() + " store");
        Targets t = script.requirePass() == null ? targets : targets.requiringPassword(script.requirePass());
        ScriptRunner runner = new ScriptRunner(t.redis(), t.goredis(), script.requirePass());
        ScriptRunner.Result result = runner.run(script);
        Path transcripts = Path.of("target", "differential");
        Files.createDirectories(transcripts);
        Files.writeString(transcripts.resolve(script.name() + ".txt"), result.transcript());
        if (!result.mismatches().isEmpty()) {
            fail(result.mismatches().size() + " mismatch(es) in " + script.name() + " (" + store + " store):\n"
                    + String.join("\n", result.mismatches())
                    + (result.pending().isEmpty() ? "" : "\npending: " + result.pending()));
        }
        Assumptions.assumeTrue(result.pending().isEmpty(),
                () -> "passed, but steps are still pending: " + result.pending());
    }

    static List<Path> scriptFiles() throws IOException, URISyntaxException {
        URL dir = DifferentialIT.class.getResource("/differential");
        if (dir == null) {
            throw new IOException("no differential scripts on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".redis")).sorted().toList();
        }
    }
}
