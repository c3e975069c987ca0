package io.github.slipway.rc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {
    @TempDir
    Path tmp;

    @Test
    void quotesEverythingAndEscapesOnlyTheQuote() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("vioif0")).isEqualTo("'vioif0'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("$(reboot) `x` \\ \"")).isEqualTo("'$(reboot) `x` \\ \"'");
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NUL cannot be quoted for sh: 'a\\u0000b'");
    }

    @Test
    void commentsCannotEndTheirLine() {
        assertThat(ShellQuote.comment("ship\nreboot\r\u00e9")).isEqualTo("ship?reboot??");
    }

    /** dash prints back exactly what was quoted, for seeded random strings of hostile characters. */
    @Test
    void dashReadsBackWhatWasQuoted() throws Exception {
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        String alphabet = "'\"\\$`(){};&|<>*?[]~#!% \t\n=-aZ9\u00e9\u20ac";
        List<String> values = new ArrayList<>();
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            values.add(b.toString());
            script.append("printf '%s\\000' ").append(ShellQuote.quote(b.toString())).append('\n');
        }
        Path f = tmp.resolve("q.sh");
        Files.writeString(f, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("dash", f.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dash exit (seed %d)", seed).isZero();
        String[] back = new String(out, StandardCharsets.UTF_8).split("\0", -1);
        assertThat(back).as("seed %d", seed).hasSize(values.size() + 1);
        for (int i = 0; i < values.size(); i++) {
            assertThat(back[i]).as("value %d (seed %d)", i, seed).isEqualTo(values.get(i));
        }
    }
}
