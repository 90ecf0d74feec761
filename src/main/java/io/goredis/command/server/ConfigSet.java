package io.goredis.command.server;

import io.goredis.command.Args;
import io.goredis.command.Command;
import io.goredis.command.CommandException;
import io.goredis.command.ConfigParams;
import io.goredis.command.Context;
import io.goredis.protocol.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CONFIG SET parameter value [parameter value ...]
 *
 * <p>Every name is checked (known, mutable, not repeated) before any value is applied, with Redis's
 * error texts. Values are applied in order; a bad value stops there (earlier ones stay applied —
 * Redis restores them; goredis's settable parameters are independent, so this rarely matters).
 */
final class ConfigSet implements Command {
    @Override
    public Reply execute(Args args, Context ctx) {
        if (args.remaining() % 2 != 0) {
            throw CommandException.syntax();
        }
        List<ConfigParams.Param> params = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (args.hasNext()) {
            String name = args.nextString().toLowerCase(Locale.ROOT);
            String value = args.nextString();
            ConfigParams.Param p = ctx.server().config().get(name);
            if (p == null) {
                throw new CommandException("ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'");
            }
            if (p.setter() == null) {
                throw failed(name, "can't set immutable config");
            }
            if (!seen.add(name)) {
                throw failed(name, "duplicate parameter");
            }
            params.add(p);
            values.add(value);
        }
        for (int i = 0; i < params.size(); i++) {
            try {
                params.get(i).setter().set(values.get(i));
            } catch (IllegalArgumentException e) {
                throw failed(params.get(i).name(), e.getMessage());
            }
        }
        return Reply.OK;
    }

    private static CommandException failed(String name, String reason) {
        return new CommandException("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason);
    }
}
