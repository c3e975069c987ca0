package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway ls}, {@code cat} and {@code fsck} on a Debian makefs image. */
class ImageCommandsTest {
    @TempDir
    static Path tmp;
    static Path image;
    static byte[] big;

    @BeforeAll
    static void makeImage() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("etc/sub"));
        Files.writeString(tree.resolve("etc/rc"), "#!/bin/sh\necho hi\n");
        big = new byte[200_000];
        new java.util.Random(7).nextBytes(big);
        Files.write(tree.resolve("big.bin"), big);
        Files.createSymbolicLink(tree.resolve("rc"), Path.of("etc/rc"));
        run("chmod", "4755", tree.resolve("etc/rc").toString());
        run("mknod", tree.resolve("null").toString(), "c", "2", "2");
        run("touch", "-h", "-d", "@1700000000", tree.resolve("etc/rc").toString(), tree.resolve("rc").toString(),
                tree.resolve("null").toString());
        image = tmp.resolve("img");
        run("/usr/sbin/makefs", "-t", "ffs", "-o", "version=1", "-s", "4m", image.toString(), tree.toString());
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(List.of(cmd) + ": " + out);
        }
    }

    @Test
    void lsListsSortedNames() {
        SlipwayTest.Result r = SlipwayTest.run("ls", image.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("big.bin\netc\nnull\nrc\n");
    }

    @Test
    void lsLongShowsModesOwnersDevicesAndLinks() {
        SlipwayTest.Result r = SlipwayTest.run("ls", "-l", image.toString(), "/");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("crw-r--r--   1     0     0      2, 2 ").contains(" null\n")
                .contains("lrwxrwxrwx   1     0     0         6 Nov 14 2023 22:13 rc -> etc/rc\n")
                .contains("-rw-r--r--   1     0     0    200000 ");
        SlipwayTest.Result f = SlipwayTest.run("ls", "-l", image.toString(), "/etc/rc");
        assertThat(f.out()).startsWith("-rwsr-xr-x   1     0     0        18 Nov 14 2023 22:13 /etc/rc");
    }

    @Test
    void lsRecursesWithHeaders() {
        SlipwayTest.Result r = SlipwayTest.run("ls", "-R", image.toString());
        assertThat(r.out()).isEqualTo("big.bin\netc\nnull\nrc\n\n/etc:\nrc\nsub\n\n/etc/sub:\n");
    }

    @Test
    void catWritesTheBytes() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true));
            assertThat(SlipwayTest.run("cat", image.toString(), "/big.bin").status()).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toByteArray()).isEqualTo(big);
    }

    @Test
    void missingPathNamesImageAndPath() {
        SlipwayTest.Result r = SlipwayTest.run("cat", image.toString(), "/nope");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("slipway: " + image + ":/nope: no such file or directory\n");
    }

    @Test
    void notAnImageIsOneLine() throws IOException {
        Path junk = tmp.resolve("junk");
        Files.write(junk, new byte[20000]);
        SlipwayTest.Result r = SlipwayTest.run("ls", junk.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("slipway: " + junk + ": @0x255c: fs_magic 0x0, expected 0x11954 (UFS1) in either byte order\n");
    }

    @Test
    void fsckCleanImageExitsZero() {
        SlipwayTest.Result r = SlipwayTest.run("fsck", "-n", image.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("** " + image + " (NO WRITE)\n** Last Mounted on \n"
                + "** Phase 1 - Check Blocks and Sizes\n** Phase 2 - Check Pathnames\n"
                + "** Phase 3 - Check Connectivity\n** Phase 4 - Check Reference Counts\n"
                + "** Phase 5 - Check Cyl groups\n");
        assertThat(r.out()).containsPattern("\n7 files, \\d+ used, \\d+ free \\(\\d+ frags, \\d+ blocks, \\d+\\.\\d% fragmentation\\)\n$");
    }

    @Test
    void fsckDamageExitsOneAndNamesIt() throws Exception {
        Path broken = tmp.resolve("broken.img");
        Files.copy(image, broken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the superblock's fs_nindir (offset 8192 + 116), little-endian on this host's makefs
        try (var ch = java.nio.channels.FileChannel.open(broken, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 0, 0, 0}), 8192 + 116);
        }
        SlipwayTest.Result r = SlipwayTest.run("fsck", broken.toString(), image.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("** Last Mounted on \nBAD SUPER BLOCK: fs_nindir 1, SHOULD BE 2048\n"
                + "VALUES IN SUPER BLOCK DISAGREE WITH THOSE IN ALTERNATE IN CG 0: fs_nindir 2048 (PRIMARY 1)\n** Phase 1")
                .contains("***** FILE SYSTEM HAS ERRORS: 2 FINDING(S), NOT FIXED *****");
    }

    @Test
    void fsckNotAnImageExitsTwo() throws IOException {
        Path junk = tmp.resolve("junk2");
        Files.write(junk, new byte[20000]);
        SlipwayTest.Result r = SlipwayTest.run("fsck", junk.toString(), image.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("slipway: " + junk + ": @0x255c: fs_magic 0x0, expected 0x11954 (UFS1) in either byte order\n");
        assertThat(SlipwayTest.run("fsck", tmp.resolve("absent").toString()).status()).isEqualTo(2);
    }

    @Test
    void mtreeListsTheImage() {
        SlipwayTest.Result r = SlipwayTest.run("mtree", image.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(". type=dir mode=0755 uid=0 gid=0 time=")
                .contains("\n./etc/rc type=file mode=04755 uid=0 gid=0 size=18 time=1700000000.0 sha256=")
                .contains("\n./null type=char mode=0644 uid=0 gid=0 device=netbsd,2,2 time=1700000000.0\n")
                .contains("\n./rc type=link mode=0777 uid=0 gid=0 link=etc/rc time=1700000000.0\n");
        assertThat(r.out().indexOf("\n./etc type=dir")).isLessThan(r.out().indexOf("\n./etc/rc "));
    }

    /** image -> spec -> image: makefs -F with the spec restores what a changed tree lost. */
    @Test
    void mtreeRoundTripsThroughMakefs() throws Exception {
        String spec = SlipwayTest.run("mtree", image.toString()).out();
        Path specFile = tmp.resolve("image.spec");
        Files.writeString(specFile, spec);
        Path tree = tmp.resolve("tree");
        Path changed = tmp.resolve("changed");
        run("cp", "-a", tree.toString(), changed.toString());
        run("chmod", "600", changed.resolve("etc/rc").toString());
        run("chown", "7:8", changed.resolve("big.bin").toString());
        run("touch", "-d", "@1000000000", changed.resolve("etc/sub").toString());
        Path again = tmp.resolve("again.img");
        run("/usr/sbin/makefs", "-t", "ffs", "-o", "version=1", "-s", "4m", "-F", specFile.toString(),
                again.toString(), changed.toString());
        assertThat(SlipwayTest.run("mtree", again.toString()).out()).isEqualTo(spec);
        assertThat(SlipwayTest.run("ls", "-lR", again.toString()).out())
                .isEqualTo(SlipwayTest.run("ls", "-lR", image.toString()).out());
    }

    /** Damaged images through every image command: exit 0, 1 or 2 and one-line errors, never a trace. */
    @Test
    void damagedImagesNeverPrintATrace() throws Exception {
        byte[] clean = Files.readAllBytes(image);
        Path bad = tmp.resolve("mutated.img");
        PrintStream saved = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));  // cat's bytes
        try {
            mutate(clean, bad);
        } finally {
            System.setOut(saved);
        }
    }

    private static void mutate(byte[] clean, Path bad) throws IOException {
        for (long seed = 0; seed < 200; seed++) {
            java.util.Random rnd = new java.util.Random(seed);
            byte[] data = clean.clone();
            for (int k = 0; k < 8; k++) {
                // superblock, cylinder group 0 and the first inodes and directory blocks
                int off = 8192 + rnd.nextInt(40 * 1024);
                data[off] = (byte) rnd.nextInt(256);
            }
            Files.write(bad, data);
            for (String[] cmd : new String[][] {{"fsck", bad.toString()}, {"ls", "-lR", bad.toString()},
                {"mtree", bad.toString()}, {"cat", bad.toString(), "/etc/rc"}}) {
                SlipwayTest.Result r = SlipwayTest.run(cmd);
                String what = "seed " + seed + " " + String.join(" ", cmd);
                assertThat(r.status()).as(what).isBetween(0, 2);
                assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception in");
                if (!r.err().isEmpty()) {
                    assertThat(r.err()).as(what).startsWith("slipway: ");
                }
            }
        }
    }
}
