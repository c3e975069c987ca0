package io.github.slipway.rc.bench;

import io.github.slipway.rc.RcGenerator;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.Phase;
import io.github.slipway.sailor.RunCommand;
import io.github.slipway.sailor.ShipConfig;
import io.github.slipway.sailor.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long {@link RcGenerator#generate} takes for a small ship (the article's) and a large one
 * (50 services, 16 interfaces, 200 commands). Not a test: run its {@code main} by hand, e.g.
 * {@code java -cp rc-generator/target/classes:rc-generator/target/test-classes:sailor-parser/target/classes
 * io.github.slipway.rc.bench.RcGeneratorBenchmark}.
 */
public final class RcGeneratorBenchmark {
    private RcGeneratorBenchmark() {
    }

    static ShipConfig ship(int services, int interfaces, int commands) {
        Path f = Path.of("bench.conf");
        Map<String, ConfValue> values = new LinkedHashMap<>();
        int line = 1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            names.add("svc" + i);
        }
        values.put("shipname", new ConfValue("shipname", "bench", new SourcePosition(f, line++, 1)));
        values.put("services", new ConfValue("services", String.join(" ", names), new SourcePosition(f, line++, 1)));
        for (int i = 0; i < interfaces; i++) {
            String key = "ip_vioif" + i;
            values.put(key, new ConfValue(key, "10.0." + i + ".2/24 2001:db8:" + i + "::2/64",
                    new SourcePosition(f, line++, 1)));
        }
        List<RunCommand> cmds = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            cmds.add(new RunCommand(i % 2 == 0 ? Phase.START : Phase.STOP,
                    "printf '%s\\n' \"$(date)\" | logger -t ship" + i, new SourcePosition(f, line++, 1)));
        }
        return ShipConfig.of(values, cmds);
    }

    /** Prints microseconds per generation after a warm-up. */
    public static void main(String[] args) throws Exception {
        ShipConfig small = ship(1, 1, 0);
        ShipConfig large = ship(50, 16, 200);
        for (ShipConfig s : List.of(small, large, small, large)) {
            int n = 20_000;
            long t0 = System.nanoTime();
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += RcGenerator.generate(s, RcOptions.defaults()).rc().text().length();
            }
            long t1 = System.nanoTime();
            System.out.printf("%s: %.1f us per rc of %d bytes%n", s, (t1 - t0) / 1e3 / n, bytes / n);
        }
    }
}
