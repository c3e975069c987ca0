package io.github.slipway.examples.cli;

import java.util.List;

/** The subcommands of {@code slipway}, one a line so that adding one touches one line. */
final class Subcommands {
    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(
                new picocli.CommandLine.HelpCommand(),
                new MakefsCommand()
        );
    }
}
