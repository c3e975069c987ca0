package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Sleuth Kit as an independent reader: every inode {@code fls -r -p} lists has, per
 * {@code istat}, the reader's owner, mode, size, link count and mtime; and fsck's summary numbers
 * are recomputed from TSK alone (files = inodes fls lists + the root; used = fragments istat lists
 * for every file, directory and long symlink; free = fsstat's counts).
 */
class SleuthKitAgreementTest {
    private static final DateTimeFormatter TSK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern FLS = Pattern.compile("^(.)/(.) (\\d+):\\t(.*)$");

    static Stream<Arguments> configs() {
        return FfsImageTest.configs();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("configs")
    void sleuthKitAgrees(long seed, Makefs.Config config) throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(seed, config);
        String img = f.image().toString();
        Map<Long, String> inodes = new LinkedHashMap<>();
        for (String line : SleuthKit.output("fls", "-r", "-p", img).split("\n")) {
            Matcher m = FLS.matcher(line);
            if (m.matches() && !m.group(1).equals("V")) {
                inodes.putIfAbsent(Long.parseLong(m.group(3)), m.group(1));
            }
        }
        assertThat(inodes).as("seed %d", seed).hasSizeGreaterThan(30);
        inodes.put(2L, "d");
        long used = 0;
        try (FfsImage image = FfsImage.open(f.image())) {
            for (Map.Entry<Long, String> e : inodes.entrySet()) {
                long ino = e.getKey();
                String what = "seed " + seed + " inode " + ino;
                String istat = SleuthKit.output("istat", img, Long.toString(ino));
                FfsAttributes a = image.attributes(ino);
                assertThat(field(istat, "uid / gid: (\\d+) / (\\d+)", 1)).as(what).isEqualTo(Long.toString(a.uid()));
                assertThat(field(istat, "uid / gid: (\\d+) / (\\d+)", 2)).as(what).isEqualTo(Long.toString(a.gid()));
                assertThat(field(istat, "\\nsize: (\\d+)", 1)).as(what).isEqualTo(Long.toString(a.size()));
                assertThat(field(istat, "num of links: (\\d+)", 1)).as(what).isEqualTo(Integer.toString(a.nlink()));
                assertThat(field(istat, "File Modified:\\t([0-9: -]+) \\(UTC\\)", 1)).as(what)
                        .isEqualTo(TSK_TIME.format(a.modifyTime()));
                String mode = field(istat, "mode: (\\S+)", 1);
                assertThat(mode.substring(mode.length() - 9)).as(what).isEqualTo(perms(a.mode()));
                assertThat(e.getValue()).as(what).isEqualTo(tskType(a.type()));
                boolean hasBlocks = a.type() == EntryType.FILE || a.type() == EntryType.DIRECTORY
                        || a.type() == EntryType.SYMLINK && a.size() >= 60;
                if (hasBlocks) {
                    long size = Long.parseLong(field(istat, "\\nsize: (\\d+)", 1));
                    long expected = frags(size, image.blockSize(), image.fragmentSize());
                    // TSK lists the fragments up to di_size; FFS also holds whole tail blocks past
                    // NDADDR and the indirect blocks, which the size-based count adds
                    assertThat(count(istat, "Direct Blocks:") + count(istat, "Indirect Blocks:")).as(what)
                            .isLessThanOrEqualTo(expected);
                    used += expected;
                }
            }
            FsckReport r = FfsChecker.check(image);
            String fsstat = SleuthKit.output("fsstat", img);
            assertThat(r.summary().files()).as("seed %d files", seed).isEqualTo(inodes.size());
            assertThat(r.summary().used()).as("seed %d used", seed).isEqualTo(used);
            assertThat(r.summary().freeBlocks()).as("seed %d", seed)
                    .isEqualTo(Long.parseLong(field(fsstat, "Num of Avail Full Blocks: (\\d+)", 1)));
            assertThat(r.summary().freeFrags()).as("seed %d", seed)
                    .isEqualTo(Long.parseLong(field(fsstat, "Num of Avail Fragments: (\\d+)", 1)));
        }
    }

    /** The fragments FFS allocates for a file of {@code size} bytes (ffs_balloc's rules). */
    static long frags(long size, int bsize, int fsize) {
        int frag = bsize / fsize;
        long nb = (size + bsize - 1) / bsize;
        if (nb == 0) {
            return 0;
        }
        if (nb <= 12) {
            long tail = size - (nb - 1) * bsize;
            return (nb - 1) * frag + (tail + fsize - 1) / fsize;
        }
        long nindir = bsize / 4;
        long rest = nb - 12;
        long indirect = 1;
        if (rest > nindir) {
            indirect += 1 + (rest - nindir + nindir - 1) / nindir;
        }
        return (nb + indirect) * frag;
    }

    private static String tskType(EntryType t) {
        return switch (t) {
            case FILE -> "r";
            case DIRECTORY -> "d";
            case SYMLINK -> "l";
            case CHAR_DEVICE -> "c";
            case BLOCK_DEVICE -> "b";
            case FIFO -> "p";
            case SOCKET -> "h";
        };
    }

    private static String perms(int mode) {
        StringBuilder sb = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        if ((mode & 04000) != 0) {
            sb.setCharAt(2, sb.charAt(2) == 'x' ? 's' : 'S');
        }
        if ((mode & 02000) != 0) {
            sb.setCharAt(5, sb.charAt(5) == 'x' ? 's' : 'S');
        }
        if ((mode & 01000) != 0) {
            sb.setCharAt(8, sb.charAt(8) == 'x' ? 't' : 'T');
        }
        return sb.toString();
    }

    private static String field(String text, String regex, int group) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in:\n" + text);
        }
        return m.group(group);
    }

    /** The number of block addresses listed after {@code header} up to the next blank line. */
    private static long count(String istat, String header) {
        int at = istat.indexOf(header);
        if (at < 0) {
            return 0;
        }
        long n = 0;
        for (String line : istat.substring(at + header.length()).split("\n")) {
            if (line.isBlank()) {
                if (n > 0) {
                    break;
                }
                continue;
            }
            if (!line.matches("[0-9 ]+")) {
                break;
            }
            n += List.of(line.trim().split("\\s+")).size();
        }
        return n;
    }
}
