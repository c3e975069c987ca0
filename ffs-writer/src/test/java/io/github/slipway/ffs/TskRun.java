package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one Sleuth Kit tool ({@code fls}, {@code istat}, {@code fsstat}) and returns its output. */
final class TskRun {
    private TskRun() {
    }

    static String run(String tool, String... args) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException(tool + " missing: install sleuthkit (see .ci/run)");
        }
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        return out;
    }
}
