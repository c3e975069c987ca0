package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtreeSpecTest {
    static MtreeSpec parse(String text) throws IOException {
        return MtreeSpec.parse(new StringReader(text), "t.spec");
    }

    static MtreeEntry only(String text, String path) throws IOException {
        return parse(text).merged().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    static Reader resource(String name) {
        InputStream in = MtreeSpecTest.class.getResourceAsStream("mtree/" + name);
        assertThat(in).as(name).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Test
    void fullPathEntriesWithAllCommonKeywords() throws IOException {
        MtreeSpec spec = parse("""
                . type=dir optional
                ./dev type=dir mode=755 uid=0 gid=0
                ./dev/null type=char device=netbsd,2,2 mode=666 gid=0 uid=0
                ./dev/ld0a type=block device=netbsd,19,0 mode=0640 uname=root gname=operator
                ./dev/stdin type=link link=fd/0 mode=0700
                ./dev/f type=file size=12 time=1700000000.5 flags=uchg,nodump nlink=1
                """);
        assertThat(spec.entries()).extracting(MtreeEntry::path)
                .containsExactly(".", "./dev", "./dev/null", "./dev/ld0a", "./dev/stdin", "./dev/f");
        Map<String, MtreeEntry> by = spec.merged().stream()
                .collect(Collectors.toMap(MtreeEntry::path, Function.identity()));
        assertThat(by.get(".").optional()).isTrue();
        MtreeEntry nul = by.get("./dev/null");
        assertThat(nul.type()).contains(EntryType.CHAR_DEVICE);
        assertThat(nul.device()).contains(new DeviceNumber(2, 2));
        assertThat(nul.mode()).hasValue(0666);
        assertThat(nul.uid()).hasValue(0);
        assertThat(nul.line()).isEqualTo(3);
        MtreeEntry ld = by.get("./dev/ld0a");
        assertThat(ld.gid()).hasValue(5);
        assertThat(ld.gname()).contains("operator");
        assertThat(ld.uname()).contains("root");
        assertThat(by.get("./dev/stdin").link()).contains("fd/0");
        MtreeEntry f = by.get("./dev/f");
        assertThat(f.size()).hasValue(12);
        assertThat(f.time()).contains(Instant.ofEpochSecond(1700000000L, 5));
        assertThat(f.flags()).hasValue(0x3);
        assertThat(f.flagsText()).contains("uchg,nodump");
        assertThat(f.nlink()).hasValue(1);
        assertThat(f.optional()).isFalse();
    }

    @Test
    void relativeEntriesAndDotDot() throws IOException {
        MtreeSpec spec = parse("""
                # a comment
                /set type=file uid=0 gid=0 mode=0644
                .               type=dir
                    bin         type=dir mode=0755
                        sh      mode=0555
                        ls
                    ..
                    etc         type=dir

                        rc      mode=0755
                        ssh     type=dir
                            sshd_config
                        ..
                    ..
                    top
                """);
        assertThat(spec.merged()).extracting(MtreeEntry::path).containsExactly(
                ".", "./bin", "./bin/sh", "./bin/ls", "./etc", "./etc/rc", "./etc/ssh",
                "./etc/ssh/sshd_config", "./top");
        assertThat(only(spec, "./bin/ls").mode()).hasValue(0644);
        assertThat(only(spec, "./bin/sh").mode()).hasValue(0555);
        assertThat(only(spec, "./etc/ssh/sshd_config").type()).contains(EntryType.FILE);
        assertThat(only(spec, "./top").line()).isEqualTo(15);
    }

    static MtreeEntry only(MtreeSpec spec, String path) {
        return spec.merged().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void duplicatesReplaceKeywordsInPlace() throws IOException {
        MtreeSpec spec = parse("""
                . type=dir
                ./a type=dir mode=700
                ./b type=file mode=600
                ./a type=dir uid=3
                ./a/x type=file
                """);
        assertThat(spec.entries()).hasSize(5);
        assertThat(spec.merged()).extracting(MtreeEntry::path).containsExactly(".", "./a", "./a/x", "./b");
        MtreeEntry a = only(spec, "./a");
        assertThat(a.mode()).isEmpty();
        assertThat(a.uid()).hasValue(3);
        assertThat(a.line()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "makedev-amd64-all.spec|3193|2872|1819|1025|15|12",
        "makedev-amd64-fd.spec|66|66|64|0|0|1",
        "makedev-amd64-tap.spec|2|2|1|0|0|0",
    })
    void makedevGoldens(String file, int lines, int unique, int chars, int blocks, int links, int dirs)
            throws IOException {
        MtreeSpec spec;
        try (Reader r = resource(file)) {
            spec = MtreeSpec.parse(r, file);
        }
        assertThat(spec.entries()).hasSize(lines);
        assertThat(spec.merged()).hasSize(unique);
        Map<EntryType, Long> counts = spec.merged().stream().skip(1)
                .collect(Collectors.groupingBy(e -> e.type().orElseThrow(), Collectors.counting()));
        assertThat(counts.getOrDefault(EntryType.CHAR_DEVICE, 0L)).isEqualTo(chars);
        assertThat(counts.getOrDefault(EntryType.BLOCK_DEVICE, 0L)).isEqualTo(blocks);
        assertThat(counts.getOrDefault(EntryType.SYMLINK, 0L)).isEqualTo(links);
        assertThat(counts.getOrDefault(EntryType.DIRECTORY, 0L)).isEqualTo(dirs);
        for (MtreeEntry e : spec.merged()) {
            if (e.type().orElseThrow().isDevice()) {
                assertThat(e.device()).as(e.path()).isPresent();
            }
        }
    }

    @Test
    void tapCloneMinorInHex() throws IOException {
        MtreeSpec spec;
        try (Reader r = resource("makedev-amd64-tap.spec")) {
            spec = MtreeSpec.parse(r, "tap.spec");
        }
        assertThat(only(spec, "./tap").device()).contains(new DeviceNumber(169, 0xfffff));
    }

    @Test
    void roundTripOfGolden() throws IOException {
        MtreeSpec spec;
        try (Reader r = resource("makedev-amd64-all.spec")) {
            spec = MtreeSpec.parse(r, "all.spec");
        }
        String written = MtreeWriter.toString(spec.merged());
        MtreeSpec again = parse(written);
        assertThat(again.merged()).isEqualTo(spec.merged());
        assertThat(MtreeWriter.toString(again.merged())).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "./x type=file colour=red|2|./x: unknown keyword `colour'",
        "./x type=file mode|2|./x: missing value for `mode'",
        "./x type=file mode=999|2|./x: mode: cannot set file mode `999' (not an octal mode)",
        "./x type=file uid=-1|2|./x: uid: invalid uid `-1'",
        "./x type=file uname=nosuchuser|2|./x: uname: unknown user `nosuchuser'",
        "./x type=file gname=nosuchgroup|2|./x: gname: unknown group `nosuchgroup'",
        "./x type=char device=netbsd,4096,0|2|./x: device: invalid major number",
        "./x type=char device=vms,1,2|2|./x: device: unknown format `vms'",
        "./x type=file time=12|2|./x: time: invalid time `12' (expected SECONDS.NANOSECONDS)",
        "./x type=file flags=uchg,sparkly|2|./x: flags: invalid flag `sparkly'",
        "./x type=door|2|./x: type: unknown file type `door'",
        "./x mode=0644|2|./x: no type (makefs needs type= on every entry)",
        "./a/x type=file|2|./a/x: missing directory in specification",
        "/frob type=file|2|invalid specification `/frob'",
        "./x type=file size=1x|2|./x: size: invalid size `1x'",
    })
    void errors(String line2, int line, String what) {
        assertThatThrownBy(() -> parse(". type=dir\n" + line2 + "\n"))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage("t.spec:" + line + ": " + what)
                .satisfies(e -> assertThat(((MtreeFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void dotDotAboveRootIsAnError() {
        assertThatThrownBy(() -> parse(". type=dir\n..\n..\n"))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage("t.spec:3: no parent node");
        assertThatThrownBy(() -> parse("..\n"))
                .hasMessage("t.spec:1: no parent node");
    }

    @Test
    void rootMustComeFirst() {
        assertThatThrownBy(() -> parse("./x type=file\n"))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage("t.spec:1: ./x: missing directory in specification");
        assertThatThrownBy(() -> parse("x type=file\n"))
                .hasMessage("t.spec:1: x: root node must be the directory `.'");
    }

    @Test
    void emptySpecHasNoEntries() throws IOException {
        assertThat(parse("# nothing\n\n").merged()).isEmpty();
        assertThat(parse("").entries()).isEqualTo(List.of());
    }
}
