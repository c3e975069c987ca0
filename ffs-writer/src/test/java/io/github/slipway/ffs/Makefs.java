package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's makefs (the oracle that makes test images). Fails when it is missing. */
final class Makefs {
    static final Path MAKEFS = Path.of("/usr/sbin/makefs");

    private Makefs() {
    }

    /** One makefs configuration: {@code -B order}, {@code -o options}, {@code -s size}. */
    record Config(String order, String options, long size) {
        @Override
        public String toString() {
            return order + "," + options + ",s=" + size;
        }
    }

    /** {@code makefs -t ffs -o version=1,OPTIONS -B ORDER -s SIZE image dir [extra...]}. */
    static Path make(Path image, Path dir, Config c, String... extra) throws IOException, InterruptedException {
        if (!Files.isExecutable(MAKEFS)) {
            throw new IllegalStateException("makefs missing: install Debian's makefs (see .ci/run)");
        }
        List<String> cmd = new ArrayList<>(List.of(MAKEFS.toString(), "-t", "ffs", "-o", "version=1"
                + (c.options().isEmpty() ? "" : "," + c.options()), "-B", c.order(), "-s", Long.toString(c.size())));
        cmd.addAll(List.of(extra));
        cmd.add(image.toString());
        cmd.add(dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return image;
    }
}
