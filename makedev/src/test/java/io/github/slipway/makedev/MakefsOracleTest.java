package io.github.slipway.makedev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Expansion#fileSystemSpec} fed to Debian's makefs ({@code makefs -F}), the image read
 * back with The Sleuth Kit: every entry exists with its type, permissions, owner, link target
 * and, for devices, the 32-bit dev_t that makefs stored in {@code di_db[0]} (istat shows it as
 * the first "direct block"). Fails when makefs or the Sleuth Kit is missing.
 */
class MakefsOracleTest {
    private static final Pattern TOO_LARGE = Pattern.compile("too large\\): (\\d+)");
    private static final int FRAGMENTS = 1024;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void makefsBuildsTheSpecsNodesWithTheirNumbers(Arch arch, @TempDir Path tmp) throws Exception {
        Expansion e = Makedev.forArch(arch).expand("std", "fd", "ptm", "ld0", "wd1", "tap", "dk0", "ttyVI",
                "audio", "bpf", "dtv1", "altq", "ttyU0");
        Path spec = tmp.resolve("dev.spec");
        Files.writeString(spec, e.fileSystemSpec("dev"), StandardCharsets.UTF_8);
        Path root = Files.createDirectory(tmp.resolve("root"));
        Path img = tmp.resolve("img");
        run(tmp, "makefs", "-s", FRAGMENTS + "k", "-F", spec.toString(), "-t", "ffs", img.toString(), root.toString());

        Map<String, String> inodes = new HashMap<>();
        for (String line : run(tmp, "fls", "-r", "-p", img.toString()).split("\n")) {
            // "c/c 7:\tdev/tap"
            String[] f = line.split("\t");
            if (f.length == 2) {
                inodes.put(f[1], f[0].substring(f[0].indexOf(' ') + 1, f[0].length() - 1));
            }
        }
        List<DeviceNode> nodes = e.unique();
        assertThat(nodes).hasSizeGreaterThan(150);
        List<String> checked = new ArrayList<>();
        int devsSeen = 0;
        int devsHidden = 0;
        for (DeviceNode n : nodes) {
            String path = "dev/" + n.path();
            assertThat(inodes).as("%s in the image", path).containsKey(path);
            String istat = run(tmp, "istat", img.toString(), inodes.get(path));
            assertThat(istat).as(path).contains("uid / gid: " + n.uid() + " / " + n.gid() + "\n");
            String mode = field(istat, "mode: ");
            assertThat(mode.charAt(0)).as(path).isEqualTo(switch (n.type()) {
                case CHAR -> 'c';
                case BLOCK -> 'b';
                case LINK -> 'l';
                case DIR -> 'd';
            });
            assertThat(permissions(mode)).as("%s mode %s", path, mode).isEqualTo(n.mode());
            if (n.type() == NodeType.LINK) {
                assertThat(field(istat, "symbolic link to: ")).isEqualTo(n.linkTarget().orElseThrow());
            }
            // istat lists no "block" below the image's 1024 fragments (size 0), so only larger dev_t show
            if (n.type().isDevice() && Integer.toUnsignedLong(n.dev()) >= FRAGMENTS) {
                assertThat(storedDev(istat)).as("%s dev_t", path).isEqualTo(n.dev());
                devsSeen++;
            } else if (n.type().isDevice()) {
                devsHidden++;
            }
            checked.add(path);
        }
        assertThat(devsSeen).as("dev_t checked (%d hidden)", devsHidden).isGreaterThan(100);
        assertThat(checked).contains("dev/tap", "dev/rwd1p", "dev/fd/63", "dev/dvb/adapter1/dvr0", "dev/audioctl");
    }

    private static int storedDev(String istat) {
        Matcher m = TOO_LARGE.matcher(istat);
        if (m.find()) {
            return (int) Long.parseUnsignedLong(m.group(1));
        }
        return 0;
    }

    private static String field(String istat, String key) {
        int k = istat.indexOf(key);
        assertThat(k).as("istat shows %s", key).isNotNegative();
        int end = istat.indexOf('\n', k);
        return istat.substring(k + key.length(), end);
    }

    private static int permissions(String mode) {
        int bits = 0;
        for (int k = 1; k <= 9; k++) {
            bits = bits << 1 | (mode.charAt(k) == '-' ? 0 : 1);
        }
        return bits;
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": timed out");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (p.exitValue() != 0 && !cmd[0].equals("istat")) {
            throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + text);
        }
        return text;
    }
}
