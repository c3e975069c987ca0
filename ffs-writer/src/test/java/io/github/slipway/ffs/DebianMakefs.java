package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code /usr/sbin/makefs} (the oracle) under umask 022; a missing tool fails. */
final class DebianMakefs {
    static final Path MAKEFS = Path.of("/usr/sbin/makefs");

    private DebianMakefs() {}

    /** The outcome: exit status and the merged stdout/stderr text. */
    record Result(int exit, String output) {}

    /** Runs {@code makefs ARGS...}; throws if it cannot be started or hangs. */
    static Result run(List<String> args) throws IOException, InterruptedException {
        if (!Files.isExecutable(MAKEFS)) {
            throw new IOException(MAKEFS + " missing: install Debian's makefs package (.ci/run does)");
        }
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 022; exec \"$0\" \"$@\"", MAKEFS.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("makefs hung: " + args);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs makefs and requires exit 0. */
    static String ok(List<String> args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit != 0) {
            throw new AssertionError("makefs " + args + " exited " + r.exit + ":\n" + r.output);
        }
        return r.output;
    }
}
