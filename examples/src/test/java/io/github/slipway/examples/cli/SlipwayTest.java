package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SlipwayTest {
    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Slipway.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsUsageAndExitsZero() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: slipway");
    }

    @Test
    void unknownSubcommandIsUsageError() {
        Result r = run("frobnicate");
        assertThat(r.status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(r.err()).startsWith("slipway: ").contains("frobnicate");
    }

    @Test
    void noSubcommandIsUsageError() {
        Result r = run();
        assertThat(r.status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(r.err()).startsWith("slipway: missing subcommand");
    }
}
