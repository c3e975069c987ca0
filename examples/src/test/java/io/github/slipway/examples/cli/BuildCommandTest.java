package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    @TempDir
    Path tmp;

    private void assertUsage(String expected, String... args) throws Exception {
        SlipwayTest.Result r = SlipwayTest.run(args);
        assertThat(r.status()).as(r.err()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(r.err()).startsWith("slipway: ").contains(expected);
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.toString().endsWith(".img")).toList()).isEmpty();
        }
    }

    @Test
    void commandLineMistakesAreUsageErrors() throws Exception {
        Path conf = tmp.resolve("x.conf");
        Files.writeString(conf, "shipname=x\nshippath=/x\n");
        String img = tmp.resolve("x.img").toString();
        assertUsage("a CONF or --from-ship DIR is needed", "build", "-o", img);
        assertUsage("-o: unknown ffs option 'blocksize'", "build", "-o", "blocksize=4096", "-o", img, conf.toString());
        assertUsage("-o: more than one image", "build", "-o", img, "-o", tmp.resolve("y.img").toString(),
                conf.toString());
        assertUsage("-s: not a size: '12q'", "build", "-s", "12q", "-o", img, conf.toString());
        assertUsage("-a: unknown arch 'sparc'", "build", "-a", "sparc", "-o", img, conf.toString());
        assertUsage("--os: expected netbsd or linux, not 'plan9'", "build", "--os", "plan9", "-o", img, conf.toString());
        assertUsage("-B: expected be or le, not 'middle'", "build", "-B", "middle", "-o", img, conf.toString());
        assertUsage("-o minfree=120: not in 0..99", "build", "-o", "minfree=120", "-o", img, conf.toString());
        assertUsage("-o optimization: expected space or time, not 'speed'", "build", "-o", "optimization=speed",
                "-o", img, conf.toString());
    }

    @Test
    void sizesTakeMakefsSuffixes() {
        assertThat(BuildCommand.bytesOf("4096")).isEqualTo(4096);
        assertThat(BuildCommand.bytesOf("2b")).isEqualTo(1024);
        assertThat(BuildCommand.bytesOf("64k")).isEqualTo(65536);
        assertThat(BuildCommand.bytesOf("3M")).isEqualTo(3L << 20);
        assertThat(BuildCommand.bytesOf("1g")).isEqualTo(1L << 30);
        assertThat(BuildCommand.bytesOf("2t")).isEqualTo(2L << 40);
        assertThatThrownBy(() -> BuildCommand.bytesOf("99999999999t")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> BuildCommand.bytesOf("-1")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> BuildCommand.bytesOf("k")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void humanSizesInTheSummary() {
        assertThat(BuildCommand.human(512)).isEqualTo("512 B");
        assertThat(BuildCommand.human(217 * 1024)).isEqualTo("217.0 KiB");
        assertThat(BuildCommand.human(10780672)).isEqualTo("10.3 MiB");
    }
}
