package io.github.slipway.examples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.HelpCommand;

/** The subcommands of {@code slipway}, one a line so that adding one touches one line. */
final class Subcommands {
    private Subcommands() {
    }

    static List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.add(new ConfCommand());
        all.add(new LintCommand());
        all.add(new DepsCommand());
        all.add(new RcCommand());
        all.add(new MakedevCommand());
        all.add(new MakefsCommand());
        all.add(new FsckCommand());
        all.add(new LsCommand());
        all.add(new CatCommand());
        all.add(new MtreeCommand());
        all.add(new BuildCommand());
        all.add(new HelpCommand());
        return all;
    }
}
