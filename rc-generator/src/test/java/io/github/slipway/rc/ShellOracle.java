package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external shells and linters the rc tests use as oracles: {@code dash -n} and
 * {@code shellcheck -s sh -S warning}. Missing tools make the tests fail, never skip.
 */
final class ShellOracle {
    private ShellOracle() {
    }

    /** What a tool printed and how it exited. */
    record Run(int status, String out) {
    }

    static Run run(Path dir, List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is needed by this test (.ci/run installs it): "
                    + e.getMessage(), e);
        }
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Asserts that {@code dash -n} and shellcheck find nothing in {@code script}. */
    static void assertClean(Path dir, String name, String script) throws IOException, InterruptedException {
        Path f = dir.resolve(name);
        Files.writeString(f, script, StandardCharsets.UTF_8);
        Run dash = run(dir, List.of("dash", "-n", f.toString()), "");
        assertThat(dash.status()).as("dash -n %s:%n%s%n%s", name, dash.out(), script).isZero();
        assertThat(dash.out()).as("dash -n output").isEmpty();
        List<String> sc = new ArrayList<>(List.of("shellcheck", "-s", "sh", "-S", "warning", f.toString()));
        Run check = run(dir, sc, "");
        assertThat(check.status()).as("shellcheck %s:%n%s%n%s", name, check.out(), script).isZero();
        assertThat(check.out()).as("shellcheck output").isEmpty();
    }
}
