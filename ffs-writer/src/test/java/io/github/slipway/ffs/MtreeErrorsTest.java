package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per class of bad input: the exception, its line, entry and message. */
class MtreeErrorsTest {
    static void fails(String text, int line, String entry, String what) {
        assertThatThrownBy(() -> MtreeSpec.parse(new StringReader(text), "e.spec"))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage("e.spec:" + line + ": " + (entry.isEmpty() ? "" : entry + ": ") + what)
                .satisfies(t -> {
                    MtreeFormatException e = (MtreeFormatException) t;
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.path()).isEqualTo("e.spec");
                    assertThat(e.entry()).isEqualTo(entry.isEmpty() ? Optional.empty() : Optional.of(entry));
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // keyword problems
        "./x type=file colour=red|./x|unknown keyword `colour'",
        "./x type=file all|./x|invalid keyword `all'",
        "./x type=file uid|./x|missing value for `uid'",
        "./x type=file uid=   |./x|missing value for `uid'",
        // values
        "./x type=file cksum=abc|./x|cksum: invalid checksum `abc'",
        "./x type=file cksum=4294967296|./x|cksum: invalid checksum `4294967296': out of range 0..4294967295",
        "./x type=file gid=4294967296|./x|gid: invalid gid `4294967296': out of range 0..4294967295",
        "./x type=file uid=+1|./x|uid: invalid uid `+1'",
        "./x type=file nlink=x|./x|nlink: invalid link count `x'",
        "./x type=file size=-1|./x|size: invalid size `-1'",
        "./x type=file size=99999999999999999999|./x|size: invalid size `99999999999999999999'",
        "./x type=file time=1.1000000000|./x|time: invalid time `1.1000000000': out of range 0..999999999",
        "./x type=file time=1.x|./x|time: invalid time `1.x'",
        "./x type=file time=.5|./x|time: invalid time `.5'",
        "./x type=file mode=u+q|./x|mode: cannot set file mode `u+q' (expected +, - or = in symbolic mode)",
        "./x type=file mode=010000|./x|mode: cannot set file mode `010000' (octal mode over 07777)",
        "./x type=file link=a\\M|./x|link: incomplete \\M escape",
        "./x type=file md5=0x|./x|md5: empty digest",
        "./x type=file tags=a\\\\b|./x|tag holds a space, control char, # or \\: `a\\\\b'",
        "./x type=char device=netbsd,1,2,3|./x|device: too many fields for format",
        "./x type=char device=|./x|missing value for `device'",
        "./x type=file flags=none,uchg|./x|flags: invalid flag `none'",
        // names and structure
        "./a\\q\\ type=file||cannot decode name `./a\\q\\': backslash at the end",
        "./a\\000b type=file||name `./a\\000b' holds a NUL byte",
        "./ type=file|./|empty leaf element",
        "./a/ type=file|./a/|missing directory in specification",
        "./. type=file|./.|`.' cannot be an entry's name",
        "./.. type=file|./..|`..' cannot be an entry's name",
        "\\056\\056 type=file|..|`..' cannot be an entry's name",
        "./x/../y type=file|./x/../y|missing directory in specification",
        "/sett uid=0||invalid specification `/sett'",
        "/set bogus=1||unknown keyword `bogus'",
        "/unset bogus||unknown keyword `bogus'",
        "/set type=sock||type: unknown file type `sock'",
    })
    void badLine2(String line2, String entry, String what) {
        fails(". type=dir\n" + line2 + "\n", 2, entry == null ? "" : entry, what);
    }

    @Test
    void fullPathThroughAFile() {
        fails(". type=dir\n./f type=file\n./f/x type=file\n", 3, "./f/x", "missing directory in specification");
    }

    @Test
    void typeRequiredAfterSetMerging() {
        fails("/set mode=0644\n. type=dir\nx uid=0\n", 3, "./x", "no type (makefs needs type= on every entry)");
        fails("/set type=file\n/unset type\n. type=dir\nx uid=0\n", 4, "./x",
                "no type (makefs needs type= on every entry)");
    }

    @Test
    void rootProblems() {
        fails(". type=file\n", 1, ".", "root node must be the directory `.'");
        fails("\n\n# c\nx type=dir\n", 4, "x", "root node must be the directory `.'");
    }

    @Test
    void lineNumberIsWhereAContinuedLineStarts() {
        fails(". type=dir\n\n./x type=file \\\n  mode=0644 \\\n  bad=1\n", 3, "./x", "unknown keyword `bad'");
    }

    @Test
    void crlfLineEndings() {
        fails(". type=dir\r\n", 1, "", "carriage return in line (CRLF line endings?)");
    }

    @Test
    void overLongLine() {
        fails(". type=dir\n./" + "x".repeat(70_000) + " type=file\n", 2, "", "line longer than 65536 characters");
    }

    @Test
    void notUtf8(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.spec");
        Files.write(f, new byte[] {'.', ' ', 't', 'y', 'p', 'e', '=', 'd', 'i', 'r', '\n', '.', '/', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> MtreeSpec.parse(f))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessageStartingWith(f + ":2: not UTF-8 text");
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path tmp) {
        assertThatThrownBy(() -> MtreeSpec.parse(tmp.resolve("none.spec")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void uname_gnameUseTheGivenDatabase(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("master.passwd"), "alice:*:1001:1001::0:0:Alice:/home/alice:/bin/sh\n");
        Files.writeString(tmp.resolve("group"), "staff:*:50:alice\n");
        UserDatabase db = UserDatabase.fromDirectory(tmp);
        MtreeSpec spec = MtreeSpec.parse(new StringReader(". type=dir uname=alice gname=staff\n"), "u.spec", db);
        assertThat(spec.merged().get(0).uid()).hasValue(1001);
        assertThat(spec.merged().get(0).gid()).hasValue(50);
        assertThatThrownBy(() -> MtreeSpec.parse(new StringReader(". type=dir uname=root\n"), "u.spec", db))
                .hasMessage("u.spec:1: .: uname: unknown user `root'");
    }
}
