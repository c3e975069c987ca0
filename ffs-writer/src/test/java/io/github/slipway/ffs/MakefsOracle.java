package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's makefs (the oracle) as a process. A missing makefs fails the test. */
final class MakefsOracle {
    static final String MAKEFS = "/usr/sbin/makefs";

    private MakefsOracle() {
    }

    /** Result of one run: exit status and combined output. */
    record Run(int status, String output) {
    }

    /** {@code makefs -t ffs -o version=1 ARGS IMAGE DIR}. */
    static Run run(List<String> args, Path image, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(MAKEFS))) {
            throw new IllegalStateException(MAKEFS + " is missing: install Debian's makefs (see .ci/run)");
        }
        List<String> cmd = new ArrayList<>(List.of(MAKEFS, "-t", "ffs", "-o", "version=1"));
        cmd.addAll(args);
        cmd.add(image.toString());
        cmd.add(dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("makefs timed out: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
