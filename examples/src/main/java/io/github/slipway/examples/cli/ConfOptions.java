package io.github.slipway.examples.cli;

import io.github.slipway.sailor.ConfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every conf-reading subcommand shares: {@code --root}, {@code --include-root}, {@code --set}. */
final class ConfOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Sysroot for shipbins and $(which NAME) (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--include-root", paramLabel = "DIR", defaultValue = "/",
            description = "Where absolute '. /path' includes and mount directories are looked up"
                    + " (default: ${DEFAULT-VALUE}).")
    Path includeRoot;

    @Option(names = "--set", paramLabel = "K=V",
            description = "Set a variable before the conf is read, standing in for sailor's own"
                    + " (HOME, prefix, sysconfdir, varbase, OS, pkg_info, grep, mkdir, ...). Repeatable.")
    List<String> sets = new ArrayList<>();

    /**
     * A reader with these options; a malformed {@code --set} is a usage error, a {@code --root} or
     * {@code --include-root} that is not a directory is bad input (otherwise every lookup in it would
     * quietly fail, and the conf would read as if its programs were missing).
     */
    ConfReader reader() throws IOException {
        requireDirectory("--root", root);
        requireDirectory("--include-root", includeRoot);
        ConfReader.Builder b = ConfReader.builder().sysroot(root).includeRoot(includeRoot);
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            String name = eq < 0 ? "" : kv.substring(0, eq);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--set needs NAME=VALUE with a shell variable name, got '" + kv + "'");
            }
            b.variable(name, kv.substring(eq + 1));
        }
        return b.build();
    }

    private static void requireDirectory(String option, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "not a directory (" + option + ")");
        }
    }
}
