package io.github.slipway.rc;

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

/** Builds {@link ShipConfig}s for tests as if each call were the next line of a conf file. */
final class Ships {
    private final Path file;
    private final Map<String, ConfValue> values = new LinkedHashMap<>();
    private final List<RunCommand> commands = new ArrayList<>();
    private int line = 1;

    private Ships(String file) {
        this.file = Path.of(file);
    }

    static Ships conf(String file) {
        return new Ships(file);
    }

    Ships set(String key, String value) {
        values.remove(key);
        values.put(key, new ConfValue(key, value, new SourcePosition(file, line++, 1)));
        return this;
    }

    Ships run(Phase phase, String command) {
        commands.add(new RunCommand(phase, command, new SourcePosition(file, line++, 1)));
        return this;
    }

    Ships start(String command) {
        return run(Phase.START, command);
    }

    Ships stop(String command) {
        return run(Phase.STOP, command);
    }

    /** Skips a line, like a comment or a blank line in the conf. */
    Ships skip() {
        line++;
        return this;
    }

    ShipConfig build() {
        return ShipConfig.of(values, commands);
    }
}
