package io.github.slipway.sailor.elf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.sailor.elf.Symlink;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysrootTest {
    @TempDir
    Path tmp;
    Path root;
    Sysroot s;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("usr/lib/security"));
        Files.writeString(root.resolve("usr/lib/libc.so.12.220"), "x");
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("usr/lib/libc.so.12"), Path.of("/lib/libc.so.12.220"));
        // would leave the sysroot on the host: inside it, ".." stops at the top
        Files.createSymbolicLink(root.resolve("usr/lib/up"), Path.of("../../../../../../usr/lib/libc.so.12.220"));
        Files.createSymbolicLink(root.resolve("usr/lib/abs"), Path.of("/../../etc/master.passwd"));
        Files.writeString(tmp.resolve("outside"), "host file");
        Files.createSymbolicLink(root.resolve("usr/lib/host"), tmp.resolve("outside"));
        Files.writeString(root.resolve("usr/lib/security/pam_unix.so.6"), "p");
        Files.writeString(root.resolve("usr/lib/security/pam_deny.so.6"), "p");
        Files.writeString(root.resolve("usr/lib/security/.hidden.so"), "p");
        Files.createSymbolicLink(root.resolve("usr/lib/security/pam_unix.so"), Path.of("pam_unix.so.6"));
        Files.createSymbolicLink(root.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), Path.of("/loop1"));
        s = new Sysroot(root);
    }

    @Test
    void absoluteLinksStartAgainAtTheSysrootTop() throws IOException {
        Sysroot.Resolved r = s.resolve("/lib/libc.so.12").orElseThrow();
        assertThat(r.path()).isEqualTo("/usr/lib/libc.so.12.220");
        assertThat(r.kind()).isEqualTo(Sysroot.Kind.FILE);
        assertThat(r.links()).containsExactly(new Symlink("/lib", "usr/lib"),
                new Symlink("/usr/lib/libc.so.12", "/lib/libc.so.12.220"), new Symlink("/lib", "usr/lib"));
        assertThat(r.host()).isEqualTo(root.toRealPath().resolve("usr/lib/libc.so.12.220"));
    }

    @Test
    void dotDotCannotLeaveTheSysroot() throws IOException {
        assertThat(s.resolve("/usr/lib/up").orElseThrow().path()).isEqualTo("/usr/lib/libc.so.12.220");
        assertThat(s.resolve("/../../../usr/lib/libc.so.12.220").orElseThrow().path())
                .isEqualTo("/usr/lib/libc.so.12.220");
        assertThat(s.resolve("/usr/lib/abs")).as("/etc/master.passwd of the sysroot, which does not exist").isEmpty();
        assertThat(s.resolve("/usr/lib/host")).as("a host path means the same path in the sysroot").isEmpty();
    }

    @Test
    void loopsAreErrorsThatNameThePath() {
        assertThatThrownBy(() -> s.resolve("/loop1")).isInstanceOf(FileSystemException.class)
                .hasMessageStartingWith("/loop1: too many levels of symbolic links");
    }

    @Test
    void missingAndNotADirectory() throws IOException {
        assertThat(s.resolve("/usr/lib/nothing")).isEmpty();
        assertThat(s.resolve("/usr/lib/libc.so.12.220/x")).isEmpty();
        assertThat(s.resolve("/").orElseThrow().kind()).isEqualTo(Sysroot.Kind.DIRECTORY);
    }

    @Test
    void globsExpandSortedAndSkipDotFiles() throws IOException {
        assertThat(s.glob("/usr/lib/security/*")).containsExactly("/usr/lib/security/pam_deny.so.6",
                "/usr/lib/security/pam_unix.so", "/usr/lib/security/pam_unix.so.6");
        assertThat(s.glob("/lib/security/pam_[!d]*.so.?")).containsExactly("/lib/security/pam_unix.so.6");
        assertThat(s.glob("/*/lib/libc.so.1[0-9]")).containsExactly("/usr/lib/libc.so.12");
        assertThat(s.glob("/nothing/*")).isEmpty();
    }

    @Test
    void glibcConfReadsIncludesInSortedOrderAndNetbsdConfSkipsTransforms() throws IOException {
        Files.createDirectories(root.resolve("etc/ld.so.conf.d"));
        Files.writeString(root.resolve("etc/ld.so.conf"), "/first # comment\ninclude ld.so.conf.d/*.conf\n"
                + "hwcap 0 nosegneg\n/x/y:/z,/w\tinclude\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/b.conf"), "/b/lib/\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/a.conf"), "/a/lib\ninclude /etc/ld.so.conf\n");
        assertThatThrownBy(() -> LdSoConf.glibc(new Sysroot(root), "/etc/ld.so.conf"))
                .hasMessageContaining("include nesting deeper than");
        Files.writeString(root.resolve("etc/ld.so.conf.d/a.conf"), "/a/lib\n");
        assertThat(LdSoConf.glibc(new Sysroot(root), "/etc/ld.so.conf"))
                .containsExactly("/first", "/a/lib", "/b/lib", "/x/y", "/z", "/w");
        Files.writeString(root.resolve("etc/ld.so.conf"), "# NetBSD\n/usr/pkg/lib\n"
                + "libm.so.0\tmachdep.fpu_present\t1:libm387.so.0\n  /usr/X11R7/lib  \n");
        assertThat(LdSoConf.netbsd(new Sysroot(root), "/etc/ld.so.conf")).containsExactly("/usr/pkg/lib",
                "/usr/X11R7/lib");
        assertThat(LdSoConf.netbsd(new Sysroot(root), "/etc/none")).isEqualTo(List.of());
    }
}
