package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.sailor.ShipConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random ships whose data values mix valid values with shell syntax and attempts to run
 * {@code /sbin/reboot}: each is either refused with an {@link RcException} that names the key
 * and line, or gives an rc that passes {@code dash -n} and shellcheck and, run in the stub root,
 * never runs the reboot stub. The seed is in every failure message.
 */
class RcFuzzTest {
    static final String[] PIECES = {"10.0.0.2/24", "2001:db8::2/64", "vioif0", "nginx", "web", ";", "|", "&",
        "$(/sbin/reboot)", "`/sbin/reboot`", "; /sbin/reboot", "&& /sbin/reboot", "\n/sbin/reboot", "'", "\"",
        "\\", " ", "\t", "$HOME", "${x:-$(/sbin/reboot)}", "*", "#", ">/x", "'; /sbin/reboot; '", "\u00e9",
        "/", ".", "-", "_", "1"};

    @TempDir
    Path tmp;

    static String value(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void hostileValuesAreRefusedOrStayData() throws Exception {
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        StubRoot root = new StubRoot(tmp.resolve("root")).stubs("/sbin/mount", "/sbin/ifconfig", "/sbin/route",
                "/bin/hostname", "/sbin/reboot", "/usr/bin/tail", "/usr/pkg/sbin/nginx");
        int refused = 0;
        int ran = 0;
        for (int round = 0; round < 60; round++) {
            String[] keys = {"shipname", "ip_vioif0", "services"};
            Ships conf = Ships.conf("fuzz.conf");
            List<String> set = new ArrayList<>();
            for (String key : keys) {
                boolean hostile = rnd.nextInt(3) == 0;
                String v = hostile ? value(rnd) : switch (key) {
                    case "shipname" -> "web";
                    case "ip_vioif0" -> "10.0.0.2/24";
                    default -> "nginx";
                };
                conf.set(key, v);
                set.add(key);
            }
            ShipConfig ship = conf.build();
            RcOptions options;
            try {
                options = RcOptions.defaults().withFinalWait(FinalWait.exit())
                        .withTmpfsMounts(List.of("/" + value(rnd)))
                        .withDefaultRoute(rnd.nextBoolean() ? Optional.of("10.0.0.1") : Optional.empty());
            } catch (IllegalArgumentException e) {
                assertThat(e).as("seed %d", seed).hasMessageStartingWith("tmpfsMounts: ");
                assertThat(e.getMessage()).as("seed %d", seed).doesNotContain("\n");
                options = RcOptions.defaults().withFinalWait(FinalWait.exit());
            }
            RcFiles files;
            try {
                files = RcGenerator.generate(ship, options);
            } catch (RcException e) {
                refused++;
                assertThat(e.getMessage()).as("seed %d", seed)
                        .matches("fuzz\\.conf:[123]:1: (shipname|ip_vioif0|services): .*")
                        .doesNotContain("\n");
                assertThat(set).as("seed %d", seed).contains(e.key());
                continue;
            }
            ran++;
            String rc = files.rc().text();
            ShellOracle.assertClean(tmp, "rc", rc);
            StubRoot.Result res = root.runRc(rc);
            assertThat(res.log()).as("seed %d, rc:%n%s", seed, rc).noneMatch(l -> l.startsWith("/sbin/reboot"));
            assertThat(res.log()).as("seed %d", seed).contains("/sbin/ifconfig [lo0] [127.0.0.1] [up]");
            assertThat(res.status()).as("seed %d", seed).isZero();
            java.nio.file.Files.writeString(root.at("/log"), "");
        }
        assertThat(refused).as("seed %d", seed).isPositive();
        assertThat(ran).as("seed %d", seed).isPositive();
    }
}
