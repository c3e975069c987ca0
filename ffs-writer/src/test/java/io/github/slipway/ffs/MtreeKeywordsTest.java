package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every keyword, /set and /unset, and the spec.c tokenizing quirks. */
class MtreeKeywordsTest {
    static MtreeSpec parse(String text) throws IOException {
        return MtreeSpec.parse(new StringReader(text), "k.spec");
    }

    static MtreeEntry entry(String keywords) throws IOException {
        List<MtreeEntry> m = parse(". type=dir\n./x type=file " + keywords + "\n").merged();
        assertThat(m).hasSize(2);
        return m.get(1);
    }

    @Test
    void everyKeyword() throws IOException {
        MtreeEntry e = entry("cksum=4294967295 device=netbsd,1,2 flags=schg gid=3 gname=kmem ignore "
                + "link=a\\040b md5=0xabc md5digest=abd mode=0600 nlink=7 nochange optional "
                + "rmd160=r1 rmd160digest=r2 ripemd160digest=r3 sha1=s1 sha1digest=s2 sha256=0x256 "
                + "sha256digest=2560 sha384=384 sha384digest=3840 sha512=512 sha512digest=5120 size=99 "
                + "tags=,a,,b, time=5.6 uid=4 uname=operator contents=files/x\\040y");
        assertThat(e.cksum()).hasValue(4294967295L);
        assertThat(e.device()).contains(new DeviceNumber(1, 2));
        assertThat(e.flags()).hasValue(0x20000);
        assertThat(e.flagsText()).contains("schg");
        assertThat(e.gid()).hasValue(2);
        assertThat(e.gname()).contains("kmem");
        assertThat(e.ignore()).isTrue();
        assertThat(e.link()).contains("a b");
        assertThat(e.mode()).hasValue(0600);
        assertThat(e.nlink()).hasValue(7);
        assertThat(e.nochange()).isTrue();
        assertThat(e.optional()).isTrue();
        assertThat(e.digests()).isEqualTo(Map.of("md5", "abd", "rmd160", "r3", "sha1", "s2", "sha256", "2560",
                "sha384", "3840", "sha512", "5120"));
        assertThat(e.size()).hasValue(99);
        assertThat(e.tags()).containsExactly("a", "b");
        assertThat(e.time()).contains(Instant.ofEpochSecond(5, 6));
        assertThat(e.uid()).hasValue(2);
        assertThat(e.uname()).contains("operator");
        assertThat(e.contents()).contains("files/x y");
        assertThat(e.type()).contains(EntryType.FILE);
    }

    @Test
    void absentKeywordsAreEmpty() throws IOException {
        MtreeEntry e = entry("");
        assertThat(e.mode()).isEmpty();
        assertThat(e.uid()).isEmpty();
        assertThat(e.uname()).isEmpty();
        assertThat(e.gid()).isEmpty();
        assertThat(e.link()).isEmpty();
        assertThat(e.device()).isEmpty();
        assertThat(e.time()).isEmpty();
        assertThat(e.size()).isEmpty();
        assertThat(e.flags()).isEmpty();
        assertThat(e.nlink()).isEmpty();
        assertThat(e.cksum()).isEmpty();
        assertThat(e.contents()).isEmpty();
        assertThat(e.tags()).isEmpty();
        assertThat(e.digests()).isEmpty();
        assertThat(e.optional() || e.ignore() || e.nochange()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "block|BLOCK_DEVICE", "char|CHAR_DEVICE", "dir|DIRECTORY", "fifo|FIFO", "file|FILE",
        "link|SYMLINK", "socket|SOCKET",
    })
    void types(String name, EntryType type) throws IOException {
        assertThat(parse(". type=dir\n./x type=" + name + "\n").merged().get(1).type()).contains(type);
    }

    @Test
    void laterKeywordWinsAndUidSharesWithUname() throws IOException {
        assertThat(entry("uid=5 uname=bin").uid()).hasValue(3);
        assertThat(entry("uname=bin uid=5").uid()).hasValue(5);
        assertThat(entry("uname=bin uid=5").uname()).contains("bin");
        assertThat(entry("mode=0600 mode=0644").mode()).hasValue(0644);
        assertThat(entry("gname=wheel gid=9").gid()).hasValue(9);
    }

    @Test
    void setAndUnset() throws IOException {
        MtreeSpec spec = parse("""
                /set type=file uid=1 gid=2 mode=0600 optional
                . type=dir
                a
                /unset optional
                b uid=3
                /unset uid mode
                c
                /set uname=bin
                /unset uid
                d
                /unset all
                /set type=link link=x
                e
                /set type=fifo
                /unset link
                f
                """);
        Map<String, MtreeEntry> by = new java.util.HashMap<>();
        spec.merged().forEach(e -> by.put(e.path(), e));
        assertThat(by.get(".").type()).contains(EntryType.DIRECTORY);
        assertThat(by.get(".").optional()).isTrue();
        assertThat(by.get("./a").optional()).isTrue();
        assertThat(by.get("./a").mode()).hasValue(0600);
        assertThat(by.get("./b").optional()).isFalse();
        assertThat(by.get("./b").uid()).hasValue(3);
        assertThat(by.get("./c").uid()).isEmpty();
        assertThat(by.get("./c").mode()).isEmpty();
        assertThat(by.get("./c").gid()).hasValue(2);
        // spec.c keeps one st_uid for uid and uname: /unset uid leaves uname's value in force
        assertThat(by.get("./d").uid()).hasValue(3);
        assertThat(by.get("./d").uname()).contains("bin");
        assertThat(by.get("./e").gid()).isEmpty();
        assertThat(by.get("./e").type()).contains(EntryType.SYMLINK);
        assertThat(by.get("./e").link()).contains("x");
        assertThat(by.get("./f").link()).isEmpty();
    }

    @Test
    void strsepQuirks() throws IOException {
        // the keyword ends at '=', space or tab; its value is the next non-empty word
        assertThat(entry("mode= 0640").mode()).hasValue(0640);
        assertThat(entry("mode\t0640").mode()).hasValue(0640);
        assertThat(entry("link=a=b").link()).contains("a=b");
        assertThat(parse(". type=dir\n\t ./x \t type=file\t\tmode=0644   \n").merged().get(1).mode()).hasValue(0644);
        // trailing text after .. is ignored, as spec.c does
        assertThat(parse(". type=dir\nd type=dir\n.. whatever\ne type=file\n").merged())
                .extracting(MtreeEntry::path).containsExactly(".", "./d", "./e");
    }

    @Test
    void continuationsAndComments() throws IOException {
        MtreeSpec spec = parse("""
                . type=dir # the root
                # ./ghost type=file
                ./x type=file \\
                    mode=0640 \\
                    uid=9
                ./y\\#z type=file
                """);
        assertThat(spec.merged()).extracting(MtreeEntry::path).containsExactly(".", "./x", "./y#z");
        assertThat(spec.merged().get(1).mode()).hasValue(0640);
        assertThat(spec.merged().get(1).uid()).hasValue(9);
        assertThat(spec.merged().get(1).line()).isEqualTo(3);
        assertThat(spec.merged().get(2).line()).isEqualTo(6);
    }

    @Test
    void fullPathsAndRelativeEntriesMix() throws IOException {
        MtreeSpec spec = parse("""
                . type=dir
                ./usr type=dir
                ./usr/bin type=dir
                ls type=file
                ..
                lib type=dir
                ./etc type=dir
                rc type=file
                .//usr//share type=dir
                ./usr/bin/cat type=file
                """);
        assertThat(spec.merged()).extracting(MtreeEntry::path).containsExactly(
                ".", "./usr", "./usr/bin", "./usr/bin/ls", "./usr/bin/cat", "./usr/lib", "./usr/share", "./etc",
                "./etc/rc");
        assertThat(spec.entries()).extracting(MtreeEntry::path).containsExactly(
                ".", "./usr", "./usr/bin", "./usr/bin/ls", "./usr/lib", "./etc", "./etc/rc", "./usr/share",
                "./usr/bin/cat");
    }

    @Test
    void secondRootReplacesTheFirst() throws IOException {
        MtreeSpec spec = parse(". type=dir mode=0700\na type=file\n. type=dir uid=5\n");
        assertThat(spec.merged().get(0).mode()).isEmpty();
        assertThat(spec.merged().get(0).uid()).hasValue(5);
        assertThat(spec.merged()).hasSize(2);
    }

    @Test
    void redeclaredDirectoryIsOpenAgain() throws IOException {
        MtreeSpec spec = parse(". type=dir\nd type=dir\n..\nd type=dir\nx type=file\n");
        assertThat(spec.merged()).extracting(MtreeEntry::path).containsExactly(".", "./d", "./d/x");
    }

    @Test
    void typeMismatchOnRedeclaration() {
        assertThatThrownBy(() -> parse(". type=dir\n./a type=file\n./a type=dir\n"))
                .isInstanceOf(MtreeFormatException.class)
                .hasMessage("k.spec:3: ./a: existing entry for `a', type `file' does not match type `dir'");
    }

    @Test
    void namesWithGlobCharsAreLiteral() throws IOException {
        assertThat(parse(". type=dir\n./a*[b]? type=file\n").merged().get(1).name()).isEqualTo("a*[b]?");
    }
}
