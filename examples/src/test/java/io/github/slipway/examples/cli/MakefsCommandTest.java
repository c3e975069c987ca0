package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakefsCommandTest {
    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path t = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(t.resolve("etc"));
        Files.writeString(t.resolve("etc/motd"), "hello\n");
        Files.write(t.resolve("big"), new byte[100_000]);
        return t;
    }

    private void assertNoImage(String name) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(name));
        }
    }

    @Test
    void writesImageAndPrintsMakefsSummary() throws Exception {
        Path img = tmp.resolve("root.img");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "4m", "-T", "1600000000", "-o", "bsize=4096,fsize=512",
                "-B", "be", img.toString(), tree().toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Calculated size of `" + img + "': 4194304 bytes")
                .contains("block size 4096, fragment size 512")
                .contains("super-block backups (for fsck -b #) at:")
                .contains("Populating `" + img + "'")
                .contains("Image `" + img + "' complete");
        assertThat(Files.size(img)).isEqualTo(4 << 20);
        byte[] magic = new byte[4];
        try (var ch = Files.newByteChannel(img)) {
            ch.position(8192 + 1372);
            ch.read(java.nio.ByteBuffer.wrap(magic));
        }
        assertThat(magic).containsExactly(0x00, 0x01, 0x19, 0x54);
    }

    /** Every error says "try 'slipway makefs --help'": that must print the usage, exit 0. */
    @Test
    void helpPrintsUsage() throws Exception {
        for (String h : new String[] {"--help", "-h"}) {
            SlipwayTest.Result r = SlipwayTest.run("makefs", h);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: slipway makefs").contains("-b=N[%]").contains("--compat");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void imageInMissingFolderIsOneLineErrorExitOne() throws Exception {
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", tmp.resolve("no/such/x.img").toString(),
                tree().toString());
        assertThat(r.status()).isEqualTo(1);
        Path img = tmp.resolve("no/such/x.img");
        assertThat(r.err()).isEqualTo("slipway: " + img + ": folder " + img.getParent() + " does not exist\n");
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    @Test
    void missingSourceDirectoryIsError() throws Exception {
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", tmp.resolve("x.img").toString(),
                tmp.resolve("nodir").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).contains("nodir").doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void nameOver255BytesInSpecNamesLineAndEntry() throws Exception {
        Path spec = tmp.resolve("long.spec");
        String name = "n".repeat(256);
        Files.writeString(spec, ". type=dir\n./" + name + " type=file mode=0644 uid=0 gid=0\n");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", "-F", spec.toString(),
                tmp.resolve("x.img").toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("slipway: " + spec + ":2: ./" + name).contains("255 bytes")
                .doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void specWithUnknownKeywordIsError() throws Exception {
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, ". type=dir\n./etc type=dir colour=blue\n");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", "-F", spec.toString(),
                tmp.resolve("x.img").toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("slipway: " + spec + ":2").contains("colour").doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void specWithoutTypeIsError() throws Exception {
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, ". type=dir\n./etc type=dir\n./etc/motd mode=0600\n");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", "-F", spec.toString(),
                tmp.resolve("x.img").toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("slipway: " + spec + ":3").contains("type").doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void specTypeContradictingTreeIsError() throws Exception {
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, ". type=dir\n./etc type=dir\n./etc/motd type=link link=x\n");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", "-F", spec.toString(),
                tmp.resolve("x.img").toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("slipway: " + spec + ":3: ./etc/motd: ")
                .contains("type mismatch: specfile link, tree file").doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void unreadableContentNamesFileAndLeavesExistingImageUntouched() throws Exception {
        Path img = tmp.resolve("x.img");
        Files.writeString(img, "previous image");
        Path spec = tmp.resolve("short.spec");
        // the spec claims more bytes than the host file holds: reading it fails mid-image
        Files.writeString(spec, ". type=dir\n./etc type=dir\n./etc/motd type=file size=50000\n");
        Path t = tree();
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", "-F", spec.toString(), img.toString(), t.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("slipway: " + t.resolve("etc/motd")).doesNotContain("\n");
        assertThat(Files.readString(img, StandardCharsets.UTF_8)).isEqualTo("previous image");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void compatFailsWhereMakefsFails() throws Exception {
        Path t = Files.createDirectories(tmp.resolve("tiny"));
        Files.writeString(t.resolve("a"), "a");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "--compat", tmp.resolve("x.img").toString(), t.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).contains("minimum size").doesNotContain("\n");
        assertNoImage("x.img");
    }

    @Test
    void xWithoutSpecIsError() throws Exception {
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-x", tmp.resolve("x.img").toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("-x requires -F");
    }

    @Test
    void dryRunPrintsLayoutAndWritesNothing() throws Exception {
        Path img = tmp.resolve("dry.img");
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-n", "-T", "0", img.toString(), tree().toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Calculated size of `" + img + "'").contains("cylinder groups")
                .doesNotContain("Populating");
        assertThat(img).doesNotExist();
    }

    /**
     * Flag values makefs' own rules refuse are usage errors: exit 2, one line naming the option,
     * nothing written. (Debian's makefs dies of SIGFPE on bsize=3 and fsize=3, and reports the
     * block size limits only after writing a partial image: see MakefsOptionsTest.)
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "-o   | bsize=3                | -o bsize=3: not a power of 2",
        "-o   | fsize=3                | -o fsize=3: not a power of 2",
        "-o   | bsize=1024             | -o bsize=1024: smaller than the minimum block size 4096",
        "-o   | bsize=65536,fsize=4096 | -o fsize=4096: smaller than the block size / 8 = 8192 (-o bsize=65536)",
        "-o   | fsize=16384            | -o fsize=16384: larger than the block size 8192 (the default)",
        "-o   | minfree=100            | -o minfree: 100 is too large (maximum 99)",
        "-o   | density=0              | -o density: 0 is too small (minimum 1)",
        "-S   | 3                      | -S 3: not a power of 2",
        "-b   | 100%                   | -b: 100 is too large (maximum 99)",
    })
    void badOptionValuesAreUsageErrors(String flag, String value, String message) throws Exception {
        Path img = tmp.resolve("bad.img");
        SlipwayTest.Result r = SlipwayTest.run("makefs", flag, value, img.toString(), tree().toString());
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("slipway: makefs: " + message + " (try 'slipway makefs --help')\n");
        assertThat(r.out()).isEmpty();
        assertNoImage("bad.img");
    }

    @Test
    void imageThatIsADirectoryIsOneLineErrorAndTheDirectoryStays() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("d.img"));
        SlipwayTest.Result r = SlipwayTest.run("makefs", "-s", "1m", dir.toString(), tree().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("slipway: " + dir + ": is a directory\n");
        assertThat(dir).isEmptyDirectory();
    }
}
