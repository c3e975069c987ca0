package io.github.slipway.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.Metadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StagedTreeTest {
    private static final Metadata DIR = Metadata.of(0755, 0, 0, Instant.EPOCH);

    private static ImageNode file(String text) {
        return ImageNode.file(Metadata.of(0644, 0, 0, Instant.EPOCH), FileContent.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pathsThroughLinksLandWhereTheLinksPointInsideTheTree() throws IOException {
        StagedTree t = new StagedTree(DIR);
        t.putLink("/lib", "usr/lib", DIR);
        t.putLink("/usr/lib64", "/usr/lib", DIR);
        t.put("/lib/libc.so.6", file("c"), false);
        t.put("/usr/lib64/libm.so.6", file("m"), false);
        ImageNode lib = t.lookup("/usr/lib").orElseThrow();
        assertThat(lib.type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(lib.names()).containsExactly("libc.so.6", "libm.so.6");
        assertThat(t.root().child("lib").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
        // the same link twice is fine, a different one is a clash named by path
        t.putLink("/lib", "usr/lib", DIR);
        assertThatThrownBy(() -> t.putLink("/lib", "usr/lib32", DIR)).isInstanceOf(IOException.class)
                .hasMessage("/lib: link -> usr/lib32 clashes with a link -> usr/lib already in the ship");
    }

    @Test
    void clashesAndLoopsAreErrorsNamingThePath() throws IOException {
        StagedTree t = new StagedTree(DIR);
        t.put("/etc/rc", file("rc"), false);
        assertThatThrownBy(() -> t.mkdirs("/etc/rc/x")).hasMessage("/etc/rc/x: /etc/rc is a file in the ship, not a directory");
        assertThatThrownBy(() -> t.put("/etc", file("x"), true)).hasMessage("/etc: a file clashes with a dir already in the ship");
        t.putLink("/a", "b", DIR);
        t.putLink("/b", "a", DIR);
        assertThatThrownBy(() -> t.mkdirs("/a/x")).hasMessageContaining("too many levels of symbolic links");
        assertThatThrownBy(() -> t.put("/../etc/passwd", file("x"), true)).hasMessageContaining("'..' is not allowed");
        // put keeps or replaces a file as asked
        assertThat(t.put("/etc/rc", file("other"), false)).isFalse();
        assertThat(t.put("/etc/rc", file("other"), true)).isTrue();
    }

    @Test
    void accountsReadBothPasswdFormatsAndNameTheBadLine() throws IOException {
        Accounts a = Accounts.read(in("root:*:0:0::0:0:Charlie:/root:/bin/sh\nwww:*:80:81::0:0:web:/var/www:/sbin/nologin\n"),
                "master.passwd", in("wheel:*:0:root\n"), "group");
        assertThat(a.rootUid()).isZero();
        assertThat(a.wheelGid()).isZero();
        assertThat(a.homes()).containsExactly(new Accounts.Home("www", 80, 81, "/var/www"));
        Accounts linux = Accounts.read(in("root:x:0:0:root:/root:/bin/bash\n# c\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n"),
                "passwd", in("root:x:0:\n"), "group");
        assertThat(linux.homes()).containsExactly(new Accounts.Home("bin", 2, 2, "/bin"));
        assertThatThrownBy(() -> Accounts.read(in("root:*:0:0\n"), "etc/master.passwd", in(""), "etc/group"))
                .hasMessage("etc/master.passwd:1: expected 10 (master.passwd) or 7 (passwd) colon-separated fields, found 4");
        assertThatThrownBy(() -> Accounts.read(in("root:x:0:0:root:/root:/bin/sh\n"), "p", in("\nwheel:*:zero:\n"), "etc/group"))
                .hasMessage("etc/group:2: invalid gid 'zero'");
        assertThatThrownBy(() -> Accounts.read(in("x".repeat(5000)), "p", in(""), "g"))
                .hasMessage("p:1: line longer than 4096 characters");
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
