package io.github.slipway.examples.cli;

import io.github.slipway.sailor.ConfWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway lint [--root DIR] [--set K=V]... CONF}: what sailor would silently get wrong, one
 * {@code file:line: warning: ...} per line on stdout (the warnings are the command's output, so
 * they can be piped). Exit status: 0 no warning, 1 warnings (or, with a message on stderr, a
 * conf that cannot be read at all).
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Warn about what sailor would silently get wrong in a conf: unknown keys, unset",
            "variables, run_at_* lines sailor never runs, missing shipname/shippath, shippath '/',",
            "shipbins missing from --root. Exit 0 when clean, 1 when there are warnings."})
final class LintCommand implements Callable<Integer> {
    /** Exit status when the conf reads but has warnings. */
    static final int EXIT_WARNINGS = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfOptions options;

    @Parameters(index = "0", paramLabel = "CONF", description = "The ship's conf file.")
    Path conf;

    @Override
    public Integer call() throws Exception {
        List<ConfWarning> warnings = options.reader().lint(conf);
        PrintWriter out = spec.commandLine().getOut();
        for (ConfWarning w : warnings) {
            out.println(w);
        }
        out.flush();
        return warnings.isEmpty() ? 0 : EXIT_WARNINGS;
    }
}
