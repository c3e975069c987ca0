package io.github.slipway.sailor;

import java.util.Objects;

/**
 * One {@code run_at_*} line of a conf, with the command exactly as sailor would {@code eval} it.
 *
 * <pre>{@code
 * ShipConfig ship = ConfReader.builder().build().read(Path.of("nginx.conf"));
 * for (RunCommand c : ship.runAt(Phase.START)) {
 *     System.out.println(c.position().line() + ": " + c.command());
 * }
 * }</pre>
 *
 * @param phase    when sailor runs it
 * @param command  the shell command text (the user's own shell code, not to be re-quoted)
 * @param position where the {@code run_at_*} line starts
 */
public record RunCommand(Phase phase, String command, SourcePosition position) {
    /**
     * Checks that nothing is null.
     *
     * @param phase when sailor runs it
     * @param command the shell command text (the user's own shell code, not to be re-quoted)
     * @param position where the {@code run_at_*} line starts
     */
    public RunCommand {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(position, "position");
    }
}
