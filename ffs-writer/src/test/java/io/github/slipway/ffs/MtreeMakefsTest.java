package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.ffs.internal.mtree.NetBsdAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential tests: Debian's makefs -F reads the same spec, and the Sleuth Kit reads the
 * image back; what it finds must be what MtreeSpec says the spec means.
 */
class MtreeMakefsTest {
    @TempDir
    Path tmp;

    /** Writes NetBSD's accounts as a -N directory, so makefs resolves names as UserDatabase.netbsd(). */
    Path netbsdEtc() throws IOException {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(etc.resolve("master.passwd"), NetBsdAccounts.MASTER_PASSWD);
        Files.writeString(etc.resolve("group"), NetBsdAccounts.GROUP);
        return etc;
    }

    Map<String, SleuthKit.Entry> makefs(Path spec, Path dir, String size) throws Exception {
        Path img = tmp.resolve("img");
        DebianMakefs.ok(List.of("-t", "ffs", "-o", "version=1", "-s", size, "-N", netbsdEtc().toString(),
                "-F", spec.toString(), img.toString(), dir.toString()));
        return SleuthKit.byPath(img);
    }

    /** Every non-root merged entry must be in the image with the spec's keywords. */
    static void assertImageMatches(List<MtreeEntry> merged, Map<String, SleuthKit.Entry> image,
            boolean checkTime) {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (MtreeEntry e : merged) {
            if (e.path().equals(".")) {
                continue;
            }
            String p = SleuthKit.flsName(e.path().substring(2));
            SleuthKit.Entry got = image.get(p);
            if (got == null) {
                soft.assertThat(e.optional()).as("%s is missing from the image", p).isTrue();
                continue;
            }
            checked++;
            soft.assertThat(got.type()).as(p + " type").isEqualTo(e.type().orElseThrow());
            e.mode().ifPresent(m -> soft.assertThat(got.mode()).as(p + " mode").isEqualTo(m));
            e.uid().ifPresent(u -> soft.assertThat(got.uid()).as(p + " uid").isEqualTo(u));
            e.gid().ifPresent(g -> soft.assertThat(got.gid()).as(p + " gid").isEqualTo(g));
            e.device().ifPresent(d -> soft.assertThat(got.device()).as(p + " device").contains(d));
            e.link().ifPresent(l -> soft.assertThat(got.linkTarget()).as(p + " link").contains(l));
            e.size().ifPresent(s -> soft.assertThat(got.size()).as(p + " size").isEqualTo(s));
            if (checkTime) {
                e.time().ifPresent(t -> soft.assertThat(got.mtime()).as(p + " time")
                        .isEqualTo(Instant.ofEpochSecond(t.getEpochSecond())));
            }
        }
        soft.assertThat(checked).as("entries checked").isPositive();
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"makedev-amd64-all.spec", "makedev-amd64-fd.spec", "makedev-amd64-tap.spec"})
    void makedevSpecsMeanWhatMakefsMakesOfThem(String name) throws Exception {
        Path spec = tmp.resolve(name);
        try (InputStream in = MtreeMakefsTest.class.getResourceAsStream("mtree/" + name)) {
            Files.copy(in, spec);
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        MtreeSpec parsed = MtreeSpec.parse(spec);
        Map<String, SleuthKit.Entry> image = makefs(spec, empty, "8m");
        assertThat(image).hasSize(parsed.merged().size() - 1);
        assertImageMatches(parsed.merged(), image, false);
    }

    @Test
    void everyFeatureMeansWhatMakefsMakesOfIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(dir.resolve("etc/ssh"));
        for (String f : List.of("etc/rc", "etc/ssh/sshd_config", "etc/motd", "sp ace", "tab\tname", "hash#name",
                "back\\slash", "caf\u00e9", "bin")) {
            Files.writeString(dir.resolve(f), "data of " + f + "\n");
        }
        Files.setLastModifiedTime(dir.resolve("etc/motd"), FileTime.from(Instant.ofEpochSecond(1234567890L)));
        Path spec = tmp.resolve("features.spec");
        Files.writeString(spec, """
                # every feature makefs -F honours
                /set type=file uname=root gname=wheel mode=0644
                .               type=dir mode=0755
                    etc         type=dir mode=u=rwx,g=rx,o=rx uname=operator gname=operator
                        rc      mode=a=rx,u+w
                        motd    mode=0444 time=1700000000.123456789 \\
                                uid=12 gid=13
                        ssh     type=dir mode=700
                            sshd_config mode=go-rwx,u=r
                        ..
                        nosuch  optional
                    ..
                    sp\\040ace  mode=u=rw,g=,o= gname=kmem
                    tab\\tname  mode=0600
                    hash\\#name mode=0641
                    back\\\\slash mode=0604
                    caf\\303\\251 mode=0606
                    bin        mode=ug=rw,o=r,ug+s
                /unset uname gname
                /set uid=7 gid=8
                    dev         type=dir mode=1777
                        null    type=char device=netbsd,2,2 mode=0666
                        ld0a    type=block device=native,19,0 mode=0640
                        l8      type=char device=linux,1,3 mode=0600
                        b12     type=char device=bsdos,1,2,3 mode=0600
                        raw     type=char device=0x20102 mode=0600
                        hexmin  type=char device=netbsd,0x10,0777 mode=0600
                        fifo    type=fifo mode=0620
                        stdin   type=link link=fd/0 mode=0755
                        spl     type=link link=a\\040b\\\\c mode=0755
                    ..
                ./dev/full type=char device=netbsd,2,11 mode=0666
                ./etc/rc type=file mode=0750
                """);
        MtreeSpec parsed = MtreeSpec.parse(spec);
        Map<String, MtreeEntry> by = new java.util.HashMap<>();
        parsed.merged().forEach(e -> by.put(e.path(), e));
        // what the parser says, before asking makefs
        assertThat(by.get("./etc").mode()).hasValue(0755);
        assertThat(by.get("./etc").uid()).hasValue(2);
        assertThat(by.get("./etc").gid()).hasValue(5);
        assertThat(by.get("./etc/rc").mode()).hasValue(0750);
        assertThat(by.get("./etc/ssh/sshd_config").mode()).hasValue(0400);
        assertThat(by.get("./sp ace").gid()).hasValue(2);
        assertThat(by.get("./sp ace").mode()).hasValue(0600);
        assertThat(by.get("./tab\tname").mode()).hasValue(0600);
        assertThat(by.get("./hash#name").mode()).hasValue(0641);
        assertThat(by.get("./back\\slash").mode()).hasValue(0604);
        assertThat(by.get("./caf\u00e9").mode()).hasValue(0606);
        assertThat(by.get("./bin").mode()).hasValue(06664);
        assertThat(by.get("./dev").uid()).hasValue(7);
        assertThat(by.get("./dev/l8").device()).contains(DeviceNumber.decode(0x0103));
        assertThat(by.get("./dev/b12").device()).contains(DeviceNumber.decode(0x00100203));
        assertThat(by.get("./dev/hexmin").device()).contains(new DeviceNumber(16, 0777));
        assertThat(by.get("./dev/spl").link()).contains("a b\\c");
        assertThat(by.get("./etc/motd").time()).contains(Instant.ofEpochSecond(1700000000L, 123456789));
        assertThat(by).doesNotContainKey("./etc/nosuch/x");
        assertThat(by.get("./etc/nosuch").optional()).isTrue();

        Map<String, SleuthKit.Entry> image = makefs(spec, dir, "4m");
        assertThat(image).doesNotContainKey("etc/nosuch");
        assertThat(image).hasSize(parsed.merged().size() - 2);
        assertImageMatches(parsed.merged(), image, true);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void makefsAcceptsWhatMtreeWriterWrites() throws Exception {
        long seed = 7321L;
        Random random = new Random(seed);
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        List<String> names = List.of("plain", "sp ace", "tab\tx", "new\nline", "hash#x", "back\\x",
                "caf\u00e9", "\u65e5\u672c", "star*q?[b]", "eq=x", "-dash", "..dots", "x\u007fdel");
        List<MtreeEntry> entries = new ArrayList<>();
        entries.add(MtreeEntry.builder(".").type(EntryType.DIRECTORY).mode(0755).uid(0).gid(0).build());
        entries.add(MtreeEntry.builder("./d").type(EntryType.DIRECTORY).mode(0710).uid(3).gid(4).build());
        Files.createDirectories(dir.resolve("d"));
        int i = 0;
        for (String n : names) {
            byte[] data = new byte[random.nextInt(20_000)];
            random.nextBytes(data);
            Files.write(dir.resolve("d").resolve(n), data);
            entries.add(MtreeEntry.builder("./d/" + n).type(EntryType.FILE).mode(0400 + i).uid(100 + i)
                    .gid(200 + i).size(data.length).time(Instant.ofEpochSecond(1_000_000L * (i + 1), i))
                    .digest("sha256", sha256(data)).build());
            i++;
        }
        entries.add(MtreeEntry.builder("./d/link sp").type(EntryType.SYMLINK).mode(0755).uid(1).gid(1)
                .link("target with space\\and#hash").build());
        entries.add(MtreeEntry.builder("./d/tty\u00e9").type(EntryType.CHAR_DEVICE).mode(0620).uid(0).gid(4)
                .device(new DeviceNumber(4095, 0xfffff)).build());
        entries.add(MtreeEntry.builder("./d/pipe").type(EntryType.FIFO).mode(0600).uid(0).gid(0)
                .flags(0).build());
        Path spec = tmp.resolve("written.spec");
        Files.writeString(spec, MtreeWriter.toString(entries), StandardCharsets.UTF_8);

        MtreeSpec reread = MtreeSpec.parse(spec);
        assertThat(reread.merged()).as("seed %d", seed).isEqualTo(entries);
        Map<String, SleuthKit.Entry> image = makefs(spec, dir, "4m");
        assertThat(image).as("seed %d", seed).hasSize(entries.size() - 1);
        assertImageMatches(entries, image, true);
    }

    @Test
    void debianMakefsRejectsWhatOnlyNewerMtreeKnows() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Path spec = tmp.resolve("n.spec");
        Files.writeString(spec, ". type=dir nochange\n");
        assertThat(MtreeSpec.parse(spec).merged().get(0).nochange()).isTrue();
        DebianMakefs.Result r = DebianMakefs.run(List.of("-t", "ffs", "-o", "version=1", "-s", "1m", "-F",
                spec.toString(), tmp.resolve("img").toString(), dir.toString()));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("unknown keyword `nochange'");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("img");
        }
    }

    /** Symbolic and octal modes, each on a spec-only FIFO; makefs runs setmode(3) under umask 022. */
    static final List<String> MODES = List.of("0", "7777", "0644", "1777", "4755", "u=rwx", "a+r", "u+s",
            "g+s", "+t", "a+t", "o+t", "u=rwx,g=u", "u=rw,g=u-w", "go=u", "ug=rwx,o=", "a=rwx,g-w,o-wx",
            "+x", "+w", "=r", "u=rwX", "a=r,u+x,g=u", "o=u", "ug+s,o-rwx", "u=rwxs,g=rxs,o=t", "-w",
            "u+r+w", "u+rw-x", "a-rwx", "=", "u=,g=,o=", "a=rw,o-w,g+x", "u=rwx,go=u-w", "g=o,o=u",
            "a=rwxst", "o=rwxst", "ugo=rx", "a=rwx,u-s,g-x", "=rw,+X", "u+wr,g=r+x,o+t");

    @Test
    void symbolicModesMeanWhatMakefsMakesOfThem() throws Exception {
        StringBuilder spec = new StringBuilder(". type=dir mode=0755 uid=0 gid=0\n/set type=fifo uid=0 gid=0\n");
        for (int i = 0; i < MODES.size(); i++) {
            spec.append("m").append(i).append(" mode=").append(MODES.get(i)).append('\n');
        }
        Path file = tmp.resolve("modes.spec");
        Files.writeString(file, spec);
        MtreeSpec parsed = MtreeSpec.parse(file);
        Map<String, SleuthKit.Entry> image = makefs(file, Files.createDirectories(tmp.resolve("empty")), "1m");
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < MODES.size(); i++) {
            int ours = parsed.merged().get(i + 1).mode().orElseThrow();
            soft.assertThat(image.get("m" + i).mode()).as("mode=%s: ours 0%o", MODES.get(i), ours)
                    .isEqualTo(ours);
        }
        soft.assertAll();
    }

    /** Names with every escape unvis(3) and fparseln(3) share with Debian's makefs. */
    static final List<String[]> ESCAPES = List.of(
            new String[] {"a\\040b", "a b"}, new String[] {"b\\sb", "b b"}, new String[] {"c\\\\b", "c\\b"},
            new String[] {"d\\tb", "d\tb"}, new String[] {"e\\nb", "e\nb"}, new String[] {"f\\rb", "f\rb"},
            new String[] {"g\\bb", "g\bb"}, new String[] {"h\\ab", "h\u0007b"}, new String[] {"i\\vb", "i\u000bb"},
            new String[] {"j\\fb", "j\fb"}, new String[] {"k\\Eb", "k\u001bb"}, new String[] {"l\\^Ab", "l\u0001b"},
            new String[] {"m\\^?b", "m\u007fb"}, new String[] {"n\\M-C\\M-)", "n\u00e9"},
            new String[] {"o\\303\\251", "o\u00e9"}, new String[] {"p\\#b", "p#b"}, new String[] {"q\\$b", "qb"},
            new String[] {"r\\1", "r\u0001"}, new String[] {"s\\0401", "s 1"}, new String[] {"t\\12x", "t\nx"},
            new String[] {"u\u00e9\\040", "u\u00e9 "});

    @Test
    void escapedNamesMeanWhatMakefsMakesOfThem() throws Exception {
        StringBuilder spec = new StringBuilder(". type=dir mode=0755 uid=0 gid=0\n/set type=fifo uid=0 gid=0 mode=0600\n");
        for (String[] e : ESCAPES) {
            spec.append(e[0]).append('\n');
        }
        Path file = tmp.resolve("names.spec");
        Files.writeString(file, spec);
        MtreeSpec parsed = MtreeSpec.parse(file);
        assertThat(parsed.merged().stream().skip(1).map(MtreeEntry::name))
                .containsExactlyElementsOf(ESCAPES.stream().map(e -> e[1]).toList());
        Map<String, SleuthKit.Entry> image = makefs(file, Files.createDirectories(tmp.resolve("empty")), "1m");
        assertThat(image.keySet()).containsExactlyInAnyOrderElementsOf(
                ESCAPES.stream().map(e -> SleuthKit.flsName(e[1])).toList());
    }

    /**
     * Bad specs that Debian's makefs rejects too: both must fail, on the same line (makefs says
     * "failed at line N of the specification"). Where we are stricter than Debian's 2009 code
     * (an escape cut off at the end of a name, which its strunvis drops silently; {@code uid=-1},
     * which its strtoul wraps), there is no oracle and MtreeErrorsTest covers us alone.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        ". type=dir;./x type=file colour=red|2",
        ". type=dir;./x type=file uid|2",
        ". type=dir;./x type=file mode=999|2",
        ". type=dir;./x type=file mode=u+q|2",
        ". type=dir;./x type=file uid=x|2",
        ". type=dir;./x type=file gid=1y|2",
        ". type=dir;./x type=file uname=nosuchuser|2",
        ". type=dir;./x type=file gname=nosuchgroup|2",
        ". type=dir;./x type=char device=netbsd,4096,0|2",
        ". type=dir;./x type=char device=netbsd,1,0x100000|2",
        ". type=dir;./x type=char device=vms,1,2|2",
        ". type=dir;./x type=char device=netbsd,1|2",
        ". type=dir;./x type=char device=12a|2",
        ". type=dir;./x type=file time=12|2",
        ". type=dir;./x type=file time=1.x|2",
        ". type=dir;./x type=door|2",
        ". type=dir;./a/x type=file|2",
        ". type=dir;./f type=file;./f/x type=file|3",
        ". type=dir;/frob|2",
        ". type=dir;..;..|3",
        ". type=dir;./x type=file size=1x|2",
        ". type=dir;./x type=file cksum=abc|2",
        ". type=dir;./x type=file nlink=x|2",
        ". type=dir;./a type=file;./a type=dir|3",
        ". type=file|1",
        "x type=dir|1",
        "/set all=1|1",
        "/unset bogus|1",
        ". type=dir;./a\\qb type=file|2",
        ". type=dir;./ type=file|2",
    })
    void makefsRejectsTheSameLines(String lines, int line) throws Exception {
        Path spec = tmp.resolve("bad.spec");
        Files.writeString(spec, lines.replace(';', '\n') + "\n");
        MtreeFormatException ours = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> MtreeSpec.parse(spec), MtreeFormatException.class);
        assertThat(ours).as("our parser accepted %s", lines).isNotNull();
        assertThat(ours.line()).isEqualTo(line);
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        DebianMakefs.Result r = DebianMakefs.run(List.of("-t", "ffs", "-o", "version=1", "-s", "1m", "-N",
                netbsdEtc().toString(), "-F", spec.toString(), tmp.resolve("img").toString(), dir.toString()));
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("failed at line " + line + " of the specification");
    }

    /** A repeated path replaces every keyword of the first (spec.c replacenode), as makefs shows. */
    @Test
    void repeatedEntriesReplaceLikeMakefs() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(dir.resolve("a"));
        Files.setPosixFilePermissions(dir.resolve("a"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(dir.resolve("a/f"), "x");
        Path spec = tmp.resolve("dup.spec");
        Files.writeString(spec, """
                . type=dir
                ./a type=dir mode=0700 uid=5 gid=6
                ./a/f type=file mode=0600 uid=1 gid=1
                ./a type=dir uid=3
                ./a/f type=file gid=9
                ./a/f type=file uid=4
                """);
        MtreeSpec parsed = MtreeSpec.parse(spec);
        MtreeEntry a = parsed.merged().get(1);
        MtreeEntry f = parsed.merged().get(2);
        assertThat(a.mode()).isEmpty();
        assertThat(a.uid()).hasValue(3);
        assertThat(a.gid()).isEmpty();
        assertThat(f.gid()).isEmpty();
        assertThat(f.uid()).hasValue(4);
        Map<String, SleuthKit.Entry> image = makefs(spec, dir, "1m");
        long hostGid = (Integer) Files.getAttribute(dir.resolve("a"), "unix:gid");
        assertThat(image.get("a").mode()).isEqualTo(0750);
        assertThat(image.get("a").uid()).isEqualTo(3);
        assertThat(image.get("a").gid()).isEqualTo(hostGid);
        assertThat(image.get("a/f").uid()).isEqualTo(4);
        assertThat(image.get("a/f").gid()).isEqualTo(hostGid);
        assertImageMatches(parsed.merged(), image, true);
    }
}
