package io.github.slipway.examples.cli;

import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.ShipConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway conf [--root DIR] [--set K=V]... CONF}: the conf as sailor's /bin/sh sees it, as
 * one JSON object. Every variable left set maps to its string value (the {@code --set} ones
 * included); each {@code run_at_*} maps to the array of commands sailor would run, in order.
 */
@Command(name = "conf", mixinStandardHelpOptions = true,
        description = {"Print a sailor conf as JSON: variable -> value, run_at_* -> array of commands.",
            "Nothing in the conf is executed; $(which NAME) is answered from --root's PATH."})
final class ConfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfOptions options;

    @Parameters(index = "0", paramLabel = "CONF", description = "The ship's conf file.")
    Path conf;

    @Override
    public Integer call() throws Exception {
        ShipConfig ship = options.reader().read(conf);
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(ship));
        out.flush();
        return 0;
    }

    static String render(ShipConfig ship) {
        List<String> members = new ArrayList<>();
        for (ConfValue v : ship.values().values()) {
            if (Phase.fromKey(v.name()).isEmpty()) {
                members.add(Json.string(v.name()) + ": " + Json.string(v.value()));
            }
        }
        for (Phase p : Phase.values()) {
            List<RunCommand> cmds = ship.runAt(p);
            if (cmds.isEmpty() && ship.get(p.key()).isEmpty()) {
                continue;
            }
            StringBuilder a = new StringBuilder("[");
            for (int i = 0; i < cmds.size(); i++) {
                a.append(i == 0 ? "\n    " : ",\n    ").append(Json.string(cmds.get(i).command()));
            }
            a.append(cmds.isEmpty() ? "]" : "\n  ]");
            members.add(Json.string(p.key()) + ": " + a);
        }
        if (members.isEmpty()) {
            return "{}\n";
        }
        return "{\n  " + String.join(",\n  ", members) + "\n}\n";
    }
}
