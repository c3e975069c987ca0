package io.github.slipway.rc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.sailor.ConfReader;
import io.github.slipway.sailor.ShipConfig;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fakecracker ship's generated rc against the article's hand-written one ({@code rc.article},
 * see {@code SOURCES.md}), as a golden file and, independently of it, by what both do when run.
 *
 * <p>The ship is {@code fakecracker.conf} as the article gives it, plus what the article's rc
 * shows but the conf cannot say: {@code services=nginx} (a caller variable, {@code --set}
 * on the command line), started directly by {@code /usr/pkg/sbin/nginx}, and the final
 * {@code tail -f /var/log/nginx/access.log}. Differences from the article, all deliberate:
 * <ul>
 * <li>every value is single-quoted ({@code ifconfig 'vioif0' '192.168.2.101/24' up}), even where
 *     a bare word would do, so that no value's safety rests on its validator alone;</li>
 * <li>PATH also holds {@code /usr/pkg/sbin:/usr/pkg/bin}, the package prefix;</li>
 * <li>{@code lo0} comes up first, so that an {@code ip_lo0} can be added as an alias after it
 *     (the article brings up {@code vioif0} first; the order does not matter to either);</li>
 * <li>{@code hostname 'fakecracker'} from {@code shipname} (the article leaves the host
 *     unnamed; {@link RcOptions#withHostnameFromShipname} turns it off);</li>
 * <li>a stop section (function and trap) so that SIGTERM at shutdown stops the ship; for that
 *     the final {@code tail -f} runs in the background and the rc {@code wait}s for it;</li>
 * <li>it ends with {@code exit 0}: init(8) goes to single-user mode, a root shell on the
 *     console, when /etc/rc exits non-zero (the article's rc ends with tail's status);</li>
 * <li>"starting nginx.. " is printed with {@code printf '\nstarting %s.. ' 'nginx'}, the same
 *     bytes as the article's {@code printf "\nstarting nginx.. "};</li>
 * <li>no {@code printf "HEAD / ..." | nc -n 127.0.0.1 80} smoke test: it is not in the conf (a
 *     {@code run_at_start} line puts it there verbatim; the last test does, and then both
 *     scripts print the same bytes).</li>
 * </ul>
 */
class RcGoldenTest {
    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RcGoldenTest.class.getResource(name).toURI());
    }

    static ShipConfig fakecracker() throws Exception {
        return ConfReader.builder().variable("HOME", "/home/sailor").variable("services", "nginx").build()
                .read(resource("fakecracker.conf"));
    }

    static RcOptions articleOptions() {
        return RcOptions.defaults().withServiceStyle(ServiceStyle.DIRECT)
                .withServiceCommand("nginx", List.of("/usr/pkg/sbin/nginx"))
                .withFinalWait(FinalWait.tail("/var/log/nginx/access.log"));
    }

    @Test
    void fakecrackerRcEqualsTheGoldenFile() throws Exception {
        String rc = RcGenerator.generate(fakecracker(), articleOptions()).rc().text();
        assertThat(rc).isEqualTo(Files.readString(resource("fakecracker.rc.golden"), StandardCharsets.UTF_8));
        ShellOracle.assertClean(tmp, "rc", rc);
    }

    @Test
    void fakecrackerRcHoldsTheArticlesCommandsInItsOrder() throws Exception {
        String rc = RcGenerator.generate(fakecracker(), articleOptions()).rc().text();
        List<String> unquoted = new ArrayList<>();
        for (String line : rc.split("\n")) {
            unquoted.add(line.replace("'", "").replace(" &", ""));
        }
        assertThat(unquoted).containsSubsequence("#!/bin/sh", "export HOME=/", "umask 022", "mount -a",
                "ifconfig vioif0 192.168.2.101/24 up", "/usr/pkg/sbin/nginx", "echo done", "echo",
                "tail -f /var/log/nginx/access.log");
        assertThat(unquoted).contains("ifconfig lo0 127.0.0.1 up");
    }

    /** Both rc files run in the same stub root; their logs differ only as the class comment says. */
    @Test
    void fakecrackerRcDoesWhatTheArticlesRcDoes() throws Exception {
        String[] stubs = {"/sbin/mount", "/sbin/ifconfig", "/bin/hostname", "/usr/pkg/sbin/nginx",
            "/usr/bin/nc", "/usr/bin/tail"};
        StubRoot.Result article = new StubRoot(tmp.resolve("article")).stubs(stubs)
                .runRc(Files.readString(resource("rc.article"), StandardCharsets.UTF_8));
        StubRoot.Result generated = new StubRoot(tmp.resolve("generated")).stubs(stubs)
                .runRc(RcGenerator.generate(fakecracker(), articleOptions()).rc().text());
        assertThat(article.log()).containsExactly(
                "/sbin/mount [-a]",
                "/sbin/ifconfig [vioif0] [192.168.2.101/24] [up]",
                "/sbin/ifconfig [lo0] [127.0.0.1] [up]",
                "/usr/pkg/sbin/nginx",
                "/usr/bin/nc [-n] [127.0.0.1] [80]",
                "/usr/bin/tail [-f] [/var/log/nginx/access.log]");
        List<String> expected = new ArrayList<>(article.log());
        expected.remove("/usr/bin/nc [-n] [127.0.0.1] [80]");
        expected.add(1, expected.remove(2)); // lo0 first
        expected.add(3, "/bin/hostname [fakecracker]");
        assertThat(generated.log()).containsExactlyElementsOf(expected);
        assertThat(article.output()).startsWith("\nstarting nginx.. done\n");
        assertThat(generated.output()).isEqualTo("\nstarting nginx.. done\n\n");
        assertThat(generated.status()).isZero();
    }

    /**
     * With the article's smoke test added to the conf as two {@code run_at_start} lines (written
     * with doubled backslashes, as sailor's {@code read} loop needs), the generated rc prints
     * the same bytes as the article's and runs the same commands, but for lo0's place and the
     * host name.
     */
    @Test
    void withTheSmokeTestInTheConfTheRcBehavesAsTheArticles() throws Exception {
        Path conf = tmp.resolve("fakecracker.conf");
        Files.writeString(conf, Files.readString(resource("fakecracker.conf"), StandardCharsets.UTF_8)
                + "run_at_start=\"printf '\\\\ntesting web server:\\\\n'\"\n"
                + "run_at_start=\"printf 'HEAD / HTTP/1.0\\\\r\\\\n\\\\r\\\\n' | nc -n 127.0.0.1 80\"\n");
        ShipConfig ship = ConfReader.builder().variable("HOME", "/home/sailor").variable("services", "nginx")
                .build().read(conf);
        String[] stubs = {"/sbin/mount", "/sbin/ifconfig", "/bin/hostname", "/usr/pkg/sbin/nginx",
            "/usr/bin/nc", "/usr/bin/tail"};
        StubRoot.Result article = new StubRoot(tmp.resolve("article")).stubs(stubs)
                .runRc(Files.readString(resource("rc.article"), StandardCharsets.UTF_8));
        String rc = RcGenerator.generate(ship, articleOptions()).rc().text();
        ShellOracle.assertClean(tmp, "rc", rc);
        StubRoot.Result generated = new StubRoot(tmp.resolve("generated")).stubs(stubs).runRc(rc);
        List<String> expected = new ArrayList<>(article.log());
        expected.add(1, expected.remove(2)); // lo0 first
        expected.add(3, "/bin/hostname [fakecracker]");
        assertThat(generated.log()).containsExactlyElementsOf(expected);
        assertThat(generated.output()).isEqualTo(article.output())
                .isEqualTo("\nstarting nginx.. done\n\ntesting web server:\n\n");
    }
}
