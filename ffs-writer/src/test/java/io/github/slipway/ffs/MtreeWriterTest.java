package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MtreeWriterTest {
    @Test
    void formatsLikeMtreeC() {
        assertThat(MtreeWriter.format(MtreeEntry.builder("./dev/null").type(EntryType.CHAR_DEVICE).mode(0666)
                .uid(0).gid(0).device(new DeviceNumber(2, 2)).build()))
                .isEqualTo("./dev/null type=char mode=0666 uid=0 gid=0 device=netbsd,2,2");
        assertThat(MtreeWriter.format(MtreeEntry.builder(".").type(EntryType.DIRECTORY).mode(0).build()))
                .isEqualTo(". type=dir mode=0");
        assertThat(MtreeWriter.format(MtreeEntry.builder("./a b/c#d").type(EntryType.SYMLINK).mode(04755)
                .uid(1).uname("daemon").gid(2).gname("kmem").size(9).link("x y\\z")
                .time(Instant.ofEpochSecond(1700000000L, 5)).flags(0x20002).nlink(2).cksum(7)
                .digest("sha256", "ab").digest("md5", "cd").contents("f i").tags(List.of("t1", "t2"))
                .optional(true).ignore(true).nochange(true).build()))
                .isEqualTo("./a\\040b/c\\043d type=link mode=04755 uid=1 uname=daemon gid=2 gname=kmem size=9"
                        + " link=x\\040y\\\\z"
                        + " time=1700000000.5 flags=uchg,schg nlink=2 cksum=7 md5=cd sha256=ab"
                        + " contents=f\\040i tags=t1,t2 optional ignore nochange");
    }

    @Test
    void writesOneLinePerEntry() throws IOException {
        List<MtreeEntry> list = List.of(MtreeEntry.builder(".").type(EntryType.DIRECTORY).build(),
                MtreeEntry.builder("./x").type(EntryType.FILE).build());
        StringWriter w = new StringWriter();
        MtreeWriter.write(list, w);
        assertThat(w.toString()).isEqualTo(". type=dir\n./x type=file\n").isEqualTo(MtreeWriter.toString(list));
    }

    @Test
    void builderNamesBadValues() {
        assertThatThrownBy(() -> MtreeEntry.builder("dev/null")).hasMessage("path must be . or start with ./: dev/null");
        assertThatThrownBy(() -> MtreeEntry.builder("./a//b")).hasMessage("bad element `' in path ./a//b");
        assertThatThrownBy(() -> MtreeEntry.builder("./a/../b")).hasMessage("bad element `..' in path ./a/../b");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").mode(010000)).hasMessage("mode out of range 0..07777: 010000");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").uid(-1)).hasMessage("uid out of range 0..4294967295: -1");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").uname("a b"))
                .hasMessage("uname holds a space, control char, # or \\: `a b'");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").digest("sha3", "x"))
                .hasMessageStartingWith("unknown digest sha3");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").link("")).hasMessageStartingWith("link target empty");
        assertThatThrownBy(() -> MtreeEntry.builder("./a").size(-1)).hasMessage("negative size: -1");
    }

    static String randomName(Random r) {
        String alphabet = "abcXYZ019 _-.#\\\t\n=*?[]~\u00e9\u65e5\u007f\u0001";
        StringBuilder b = new StringBuilder();
        int len = 1 + r.nextInt(8);
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String s = b.toString();
        return s.equals(".") || s.equals("..") ? s + "x" : s;
    }

    /** Random trees of entries: write, parse, compare; and parse, write, parse. */
    @Test
    void randomRoundTrips() throws IOException {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        EntryType[] types = EntryType.values();
        for (int round = 0; round < 50; round++) {
            List<MtreeEntry> entries = new ArrayList<>();
            List<String> dirs = new ArrayList<>(List.of("."));
            entries.add(MtreeEntry.builder(".").type(EntryType.DIRECTORY).mode(0755).build());
            java.util.Set<String> used = new java.util.HashSet<>(dirs);
            for (int i = 0; i < 40; i++) {
                String parent = dirs.get(r.nextInt(dirs.size()));
                String path = parent + "/" + randomName(r);
                if (!used.add(path)) {
                    continue;
                }
                EntryType t = types[r.nextInt(types.length)];
                MtreeEntry.Builder b = MtreeEntry.builder(path).type(t);
                if (r.nextBoolean()) {
                    b.mode(r.nextInt(010000));
                }
                if (r.nextBoolean()) {
                    b.uid(r.nextLong(UserDatabase.ID_MAX + 1)).gid(r.nextInt(100));
                }
                if (r.nextInt(4) == 0) {
                    b.time(Instant.ofEpochSecond(r.nextLong(-1L << 40, 1L << 40), r.nextInt(1_000_000_000)));
                }
                if (t == EntryType.SYMLINK) {
                    b.link(randomName(r) + "/" + randomName(r));
                }
                if (t.isDevice()) {
                    b.device(new DeviceNumber(r.nextInt(4096), r.nextInt(0x100000)));
                }
                if (t == EntryType.FILE) {
                    b.size(r.nextLong(Long.MAX_VALUE)).digest("sha256", Long.toHexString(r.nextLong()));
                }
                if (r.nextInt(5) == 0) {
                    b.flags(r.nextBoolean() ? 0 : 0x2 | 0x20000);
                }
                b.optional(r.nextInt(6) == 0);
                entries.add(b.build());
                if (t == EntryType.DIRECTORY) {
                    dirs.add(path);
                }
            }
            String text = MtreeWriter.toString(entries);
            MtreeSpec spec = MtreeSpec.parse(new StringReader(text), "random.spec");
            assertThat(spec.entries()).as("seed %d round %d:\n%s", seed, round, text).isEqualTo(entries);
            assertThat(MtreeWriter.toString(spec.entries())).as("seed %d", seed).isEqualTo(text);
        }
    }
}
