package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code slipway makedev -a ARCH -s TARGET} against every output of NetBSD's own MAKEDEV. The
 * goldens live in the makedev module's test resources ({@code makedev/src/test/resources/golden},
 * see its SOURCES.md); surefire runs with this module's folder as working directory.
 */
class MakedevCommandTest {
    private static final Path GOLDEN = Path.of("..", "makedev", "src", "test", "resources", "golden");

    static Stream<Arguments> goldens() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String arch : new String[] {"amd64", "i386"}) {
            try (Stream<Path> s = Files.list(GOLDEN.resolve(arch))) {
                s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".spec")).sorted()
                        .forEach(f -> out.add(Arguments.of(arch, f.substring(0, f.length() - 5))));
            }
        }
        assertThat(out).hasSize(60);
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void minusSPrintsWhatNetbsdMakedevPrints(String arch, String target) throws IOException {
        String spec = Files.readString(GOLDEN.resolve(arch).resolve(target + ".spec"), StandardCharsets.UTF_8);
        Path errFile = GOLDEN.resolve(arch).resolve(target + ".stderr");
        String err = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";

        SlipwayTest.Result r = SlipwayTest.run("makedev", "-a", arch, "-s", target);

        assertThat(r.out()).isEqualTo(spec);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.status()).isEqualTo(err.isEmpty() ? 0 : 1);
    }

    @Test
    void defaultArchIsAmd64() {
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-s", "std");
        assertThat(r.out()).contains("./ksyms type=char device=netbsd,85,0 ");
        assertThat(r.status()).isZero();
    }

    @Test
    void withoutMinusSItWritesAFileSystemSpecToTheFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("dev.spec");
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-a", "i386", "-o", out.toString(), "std", "std", "fd");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2 + 16 + 65);
        assertThat(lines.subList(0, 3)).containsExactly(". type=dir optional",
                "./dev type=dir mode=755 gid=0 uid=0",
                "./dev/console type=char device=netbsd,0,0 mode=600 gid=0 uid=0");
        assertThat(lines).contains("./dev/ksyms type=char device=netbsd,101,0 mode=440 gid=2 uid=0",
                "./dev/fd type=dir mode=755 gid=0 uid=0", "./dev/fd/63 type=char device=netbsd,22,63 mode=666 gid=0 uid=0");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).containsExactly(out);
        }
    }

    @Test
    void unknownTargetWarnsButTheRestComesOut() {
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-s", "tap", "bogus");
        assertThat(r.out()).isEqualTo(". type=dir optional\n./tap type=char device=netbsd,169,0xfffff mode=600 gid=0 uid=0\n");
        assertThat(r.err()).isEqualTo("./MAKEDEV: bogus: unknown device\n");
        assertThat(r.status()).isEqualTo(1);
        SlipwayTest.Result fs = SlipwayTest.run("makedev", "tap", "bogus");
        assertThat(fs.err()).isEqualTo("slipway: makedev: bogus: unknown device\n");
        assertThat(fs.status()).isEqualTo(1);
    }

    @Test
    void virtioOptionDefinesTheTarget() {
        assertThat(SlipwayTest.run("makedev", "-s", "all").err()).isEqualTo("./MAKEDEV: virtio: unknown device\n");
        SlipwayTest.Result r = SlipwayTest.run("makedev", "--virtio", "-s", "virtio");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("./vio9p0 type=char device=netbsd,356,0 mode=660 gid=0 uid=0\n");
    }

    @Test
    void unknownArchIsAOneLineUsageError() {
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-a", "vax", "-s", "std");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("slipway: makedev: unknown arch 'vax' (expected i386 or amd64) (try 'slipway makedev --help')\n");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badUnitsAreWarningsNotTraces() {
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-s", "wd0x", "nvme0ns0", "ld0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("./MAKEDEV: wd0x: bad unit number '0x'\n"
                + "./MAKEDEV: bad nsid for nvme0ns0: 0\n");
        assertThat(r.out()).isEqualTo(". type=dir optional\n");
    }

    @Test
    void outputIntoAMissingDirectoryIsAOneLineError(@TempDir Path tmp) {
        String file = tmp.resolve("no/such/dev.spec").toString();
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-o", file, "std");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("slipway: " + file + ": folder " + Path.of(file).getParent()
                + " does not exist\n");
    }

    @Test
    void noTargetIsAUsageError() {
        SlipwayTest.Result r = SlipwayTest.run("makedev", "-s");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("slipway: makedev: Missing required parameter");
    }
}
