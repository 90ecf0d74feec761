package io.goredis.differential;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Which server the scripts are compared against. Until goredis's server lands this is a second
 * redis-server (a self-check of the scripts' determinism); {@code -Ddifferential.goredis=host:port}
 * points at an already running goredis.
 */
final class GoredisTarget {

    private GoredisTarget() {}

    static Endpoint endpoint(org.junit.jupiter.api.extension.ExtensionContext.Store store, String password) throws Exception {
        String external = System.getProperty("differential.goredis");
        if (external != null && !external.isBlank()) {
            int colon = external.lastIndexOf(':');
            return new Endpoint("goredis", external.substring(0, colon), Integer.parseInt(external.substring(colon + 1)));
        }
        // the commands scripts mark @unknown are renamed away, so this redis-server answers them
        // as goredis must: with the unknown-command error
        java.util.List<String> renames = new java.util.ArrayList<>();
        for (Path file : DifferentialIT.scriptFiles()) {
            for (Script.Step step : Script.load(file).steps()) {
                if (step instanceof Script.Command c && c.mode() == Script.Mode.UNKNOWN) {
                    String name = new String(c.args().get(0), java.nio.charset.StandardCharsets.UTF_8);
                    if (!renames.contains(name)) {
                        renames.add("--rename-command");
                        renames.add(name);
                        renames.add("");
                    }
                }
            }
        }
        if (password != null) {
            renames.addAll(java.util.List.of("--requirepass", password));
        }
        RedisServerProcess second = RedisServerProcess.start(
                RedisServerProcess.findBinary("redis-server"), Path.of("target", "redis-server"),
                renames.toArray(String[]::new));
        store.put("second-redis" + password, second); // closed by JUnit at the end of the run
        return new Endpoint("redis-server(2)", "127.0.0.1", second.port());
    }
}
