package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAssertionsTest {
    @TempDir
    static Path tmp;
    static Path image;

    @BeforeAll
    static void makeImage() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("dev"));
        Files.createDirectories(tree.resolve("etc"));
        Files.writeString(tree.resolve("etc/rc"), "#!/bin/sh\n");
        GeneratedTree.run("chmod", "755", tree.resolve("etc/rc").toString());
        GeneratedTree.run("mknod", tree.resolve("dev/null").toString(), "c", "2", "2");
        GeneratedTree.run("mknod", tree.resolve("dev/ld0a").toString(), "b", "19", "0");
        Files.createSymbolicLink(tree.resolve("rc"), Path.of("etc/rc"));
        image = Makefs.make(tmp.resolve("img"), tree, new Makefs.Config("be", "", 4 << 20));
    }

    @Test
    void passesOnWhatTheImageHolds() throws Exception {
        try (FfsImage img = FfsImage.open(image)) {
            ImageAssertions.assertThat(img).hasDirectory("/dev").hasCharDevice("/dev/null", 2, 2)
                    .hasBlockDevice("/dev/ld0a", 19, 0)
                    .hasFile("/etc/rc").withMode(0755).withOwner(0, 0).withContent("#!/bin/sh\n")
                    .hasSymlink("/rc", "etc/rc").doesNotHave("/etc/passwd").isFsckClean();
        }
    }

    @Test
    void failuresSayWhatIsThere() throws Exception {
        try (FfsImage img = FfsImage.open(image)) {
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasFile("/etc/missing"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("/etc holds [rc]");
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasFile("/dev/null"))
                    .hasMessageContaining("but it is a CHAR_DEVICE mode 0644 uid 0 gid 0 size 0 device 2,2");
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasFile("/etc/rc").withMode(0644))
                    .hasMessageContaining("to have mode 0644, but it is FILE mode 0755");
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasFile("/etc/rc").withContent("#!/bin/ksh\n"))
                    .hasMessageContaining("first difference at byte 7: #!/bin/sh");
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasCharDevice("/dev/null", 2, 3))
                    .hasMessageContaining("to be device 2,3");
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).hasSymlink("/rc", "x"))
                    .hasMessageContaining("it points at <etc/rc>");
        }
    }

    @Test
    void isFsckCleanListsFindings() throws Exception {
        Path broken = tmp.resolve("broken");
        Files.copy(image, broken);
        try (FileChannel ch = FileChannel.open(broken, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 7), 8192 + 116); // fs_nindir, big-endian image
        }
        try (FfsImage img = FfsImage.open(broken)) {
            assertThatThrownBy(() -> ImageAssertions.assertThat(img).isFsckClean())
                    .hasMessageContaining("phase 0 SB_FIELD: BAD SUPER BLOCK: fs_nindir 7, SHOULD BE 2048");
        }
    }
}
