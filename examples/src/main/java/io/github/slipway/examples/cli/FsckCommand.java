package io.github.slipway.examples.cli;

import io.github.slipway.ffs.FfsChecker;
import io.github.slipway.ffs.FfsImage;
import io.github.slipway.ffs.FsckFinding;
import io.github.slipway.ffs.FsckReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway fsck [-n] IMAGE...}: check images like NetBSD's fsck_ffs, never writing to them.
 * Exit status 0 if every image is clean, 1 if damage was found, 2 if an image is not FFS or cannot
 * be read.
 */
@Command(name = "fsck", mixinStandardHelpOptions = true,
        description = {"Check FFS images like fsck_ffs (read-only).",
            "Exit status: 0 clean, 1 damage found, 2 not an FFS image or unreadable."})
final class FsckCommand implements Callable<Integer> {
    static final int EXIT_DAMAGE = 1;
    static final int EXIT_UNUSABLE = 2;
    private static final String[] PHASES = {null, "Phase 1 - Check Blocks and Sizes", "Phase 2 - Check Pathnames",
        "Phase 3 - Check Connectivity", "Phase 4 - Check Reference Counts", "Phase 5 - Check Cyl groups"};

    @Spec
    CommandSpec spec;

    @Option(names = "-n", description = "answer no to every question (the default: slipway never writes)")
    boolean no;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        for (Path image : images) {
            out.println("** " + image + (no ? " (NO WRITE)" : ""));
            FsckReport report;
            try (FfsImage img = FfsImage.open(image)) {
                out.println("** Last Mounted on " + img.lastMountedOn());
                report = FfsChecker.check(img);
            } catch (IOException e) {
                out.flush();
                err.println("slipway: " + Slipway.describe(e));
                status = EXIT_UNUSABLE;
                continue;
            }
            print(out, report);
            if (!report.isClean()) {
                status = Math.max(status, EXIT_DAMAGE);
            }
        }
        out.flush();
        err.flush();
        return status;
    }

    static void print(PrintWriter out, FsckReport report) {
        for (FsckFinding f : report.findings()) {
            if (f.phase() == 0) {
                out.println(f.message());
            }
        }
        for (int phase = 1; phase <= 5; phase++) {
            out.println("** " + PHASES[phase]);
            for (FsckFinding f : report.findings()) {
                if (f.phase() == phase) {
                    out.println(f.message());
                }
            }
        }
        out.println(report.summary().line());
        if (!report.isClean()) {
            out.println();
            out.println("***** FILE SYSTEM HAS ERRORS: " + report.findings().size() + " FINDING(S), NOT FIXED *****");
        }
    }
}
