package io.github.slipway.sailor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One test per class of bad input: the exception type, its position and its message. */
class ConfReaderErrorTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static ConfException error(ThrowingCallable call) {
        try {
            call.call();
        } catch (ConfException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a ConfException, got " + t, t);
        }
        throw new AssertionError("expected a ConfException, nothing thrown");
    }

    private ConfException readError(String text) throws IOException {
        Path p = write("x.conf", text);
        return error(() -> ConfReader.builder().build().read(p));
    }

    private void assertError(ConfException e, Class<? extends ConfException> type, String file, int line, int col,
            String reason) {
        assertThat(e).isInstanceOf(type);
        assertThat(e.path()).isEqualTo(tmp.resolve(file));
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(col);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(tmp.resolve(file) + ":" + line + ":" + col + ": " + reason);
    }

    @Test
    void unterminatedSingleQuote() throws IOException {
        assertError(readError("shipname=x\nshipbins='/bin/sh\n/bin/ls\n"), ConfSyntaxException.class, "x.conf", 2, 10,
                "unterminated single quote");
    }

    @Test
    void unterminatedDoubleQuote() throws IOException {
        assertError(readError("a=1 shipbins=\"/bin/sh $a\n"), ConfSyntaxException.class, "x.conf", 1, 14,
                "unterminated double quote");
    }

    @Test
    void unterminatedBrace() throws IOException {
        assertError(readError("shippath=\"${HOME:-/home/x/sailor\n"), ConfSyntaxException.class, "x.conf", 1, 11,
                "unterminated ${");
        // as in sh, a quote inside ${...} opens a nested string: that one is unterminated
        assertError(readError("shippath=\"${HOME:-/home/x/sailor\"\n"), ConfSyntaxException.class, "x.conf", 1, 33,
                "unterminated double quote");
        assertError(readError("shippath=${HOME\n"), ConfSyntaxException.class, "x.conf", 1, 10,
                "unterminated ${");
    }

    @Test
    void unterminatedCommandSubstitution() throws IOException {
        assertError(readError("x=1\nshipbins=\"$(which uname\"\n"), ConfSyntaxException.class, "x.conf", 2, 11,
                "unterminated $(");
        assertError(readError("shipbins=`which uname\n"), ConfSyntaxException.class, "x.conf", 1, 10,
                "unterminated backquote");
    }

    @Test
    void nulByte() throws IOException {
        assertError(readError("shipname=ok\nshipbins=/bin/\0sh\n"), ConfSyntaxException.class, "x.conf", 2, 15,
                "NUL byte (a conf is text; sh would drop or stop at it)");
    }

    @Test
    void invalidUtf8() throws IOException {
        Path p = tmp.resolve("x.conf");
        Files.write(p, new byte[] {'a', '=', (byte) 0xc3, 'b', '\n'});
        assertError(error(() -> ConfReader.builder().build().read(p)), ConfSyntaxException.class, "x.conf", 1, 3,
                "invalid UTF-8 byte 0xc3");
    }

    @Test
    @Timeout(20)
    void tenMegabyteLineIsOneErrorAtTheLimit() throws IOException {
        byte[] big = new byte[10 << 20];
        Arrays.fill(big, (byte) 'a');
        big[0] = 'x';
        big[1] = '=';
        Path p = tmp.resolve("x.conf");
        Files.write(p, big);
        assertError(error(() -> ConfReader.builder().build().read(p)), ConfSyntaxException.class, "x.conf", 1, 65537,
                "line longer than 65536 bytes");
    }

    @Test
    void fileLargerThanTheLimit() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append("a=0123456789\n");
        }
        Path p = write("x.conf", b.toString());
        ConfReader r = ConfReader.builder().limits(ConfLimits.defaults().withMaxFileBytes(13 * 1000)).build();
        assertError(error(() -> r.read(p)), ConfException.class, "x.conf", 1001, 1,
                "file larger than 13000 bytes");
    }

    @Test
    void includeCycle() throws IOException {
        Path a = write("a.conf", "shipname=a\n. ./b.conf\n");
        write("b.conf", "x=1\n  . ./a.conf\n");
        assertError(error(() -> ConfReader.builder().build().read(a)), ConfException.class, "b.conf", 2, 3,
                "include cycle: " + a + " -> " + tmp.resolve("b.conf") + " -> " + a);
    }

    @Test
    void selfInclude() throws IOException {
        Path a = write("a.conf", "source a.conf\n");
        assertThat(error(() -> ConfReader.builder().build().read(a)).reason()).startsWith("include cycle: ");
    }

    @Test
    void includeDepth() throws IOException {
        for (int i = 0; i < 5; i++) {
            write("d" + i + ".conf", ". ./d" + (i + 1) + ".conf\n");
        }
        write("d5.conf", "a=1\n");
        ConfReader r = ConfReader.builder().limits(ConfLimits.defaults().withMaxIncludeDepth(3)).build();
        assertError(error(() -> r.read(tmp.resolve("d0.conf"))), ConfException.class, "d3.conf", 1, 1,
                "includes nested deeper than 3");
        assertThat(ConfReader.builder().build().read(tmp.resolve("d0.conf")).get("a")).contains("1");
    }

    @Test
    void missingInclude() throws IOException {
        Path p = write("x.conf", "shipname=x\n. ./common.vars\n");
        assertError(error(() -> ConfReader.builder().build().read(p)), ConfException.class, "x.conf", 2, 1,
                "cannot read include " + tmp.resolve("common.vars") + ": no such file");
    }

    @Test
    void includeThatIsADirectory() throws IOException {
        Files.createDirectories(tmp.resolve("dir"));
        Path p = write("x.conf", ". ./dir\n");
        assertError(error(() -> ConfReader.builder().build().read(p)), ConfException.class, "x.conf", 1, 1,
                "cannot read include " + tmp.resolve("dir") + ": not a regular file");
    }

    @Test
    void missingConf() {
        Path p = tmp.resolve("nope.conf");
        assertError(error(() -> ConfReader.builder().build().read(p)), ConfException.class, "nope.conf", 1, 1,
                "cannot read: no such file");
    }

    @Test
    void absoluteIncludeStaysInsideTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        write("secret.conf", "a=leak\n");
        Files.createSymbolicLink(root.resolve("link.conf"), tmp.resolve("secret.conf"));
        Path p = write("x.conf", ". /../../link.conf\n");
        ConfReader r = ConfReader.builder().includeRoot(root).build();
        ConfException e = error(() -> r.read(p));
        assertThat(e.position()).hasToString(p + ":1:1");
        assertThat(e.reason()).startsWith("include /../../link.conf resolves to " + tmp.resolve("secret.conf").toRealPath())
                .endsWith("outside the include root " + root);
    }

    @Test
    void commandsAreNeverRun() throws IOException {
        assertError(readError("shipname=x\n  echo hi\n"), ConfSyntaxException.class, "x.conf", 2, 3,
                "command 'echo' is not run: a conf may only assign variables, include files ('.', 'source')"
                        + " and use ':', 'export', 'readonly', 'unset'");
        assertError(readError("a=1 | b=2\n"), ConfSyntaxException.class, "x.conf", 1, 5,
                "shell operator '|' is not supported in a conf (only assignments, '.', 'source', ':', 'export', 'unset')");
        assertError(readError("a=1 echo hi > /tmp/x\n"), ConfSyntaxException.class, "x.conf", 1, 13,
                "shell operator '>' is not supported in a conf (only assignments, '.', 'source', ':', 'export', 'unset')");
        assertError(readError("if true; then a=1; fi\n"), ConfSyntaxException.class, "x.conf", 1, 1,
                "shell construct 'if' is not supported in a conf");
    }

    @Test
    void unresolvedCommandSubstitution() throws IOException {
        assertError(readError("shipname=x\nshipbins=\"/bin/sh $(cat list)\"\n"), ConfException.class, "x.conf", 2, 19,
                "command substitution `cat list` is never executed; only `which NAME` and `command -v NAME`"
                        + " are resolved (against the sysroot's PATH)");
        assertError(readError("ARCH=`uname -m`\n"), ConfException.class, "x.conf", 1, 6,
                "command substitution `uname -m` is never executed; only `which NAME` and `command -v NAME`"
                        + " are resolved (against the sysroot's PATH)");
    }

    @Test
    void unsupportedExpansions() throws IOException {
        assertError(readError("a=${HOME%/}\n"), ConfSyntaxException.class, "x.conf", 1, 3,
                "pattern removal ${HOME%...} is not supported");
        assertError(readError("a=$((1+2))\n"), ConfSyntaxException.class, "x.conf", 1, 3,
                "arithmetic expansion $(( )) is not supported");
        assertError(readError("a=\"$1\"\n"), ConfSyntaxException.class, "x.conf", 1, 4,
                "special parameter $1 is not supported (its value is sailor's own)");
        assertError(readError("a=${b:?set b first}\n"), ConfException.class, "x.conf", 1, 3, "b: set b first");
    }

    @Test
    @Timeout(20)
    void expansionBlowUpIsBounded() throws IOException {
        StringBuilder b = new StringBuilder("a=0123456789\n");
        for (int i = 0; i < 40; i++) {
            b.append("a=\"$a$a\"\n");
        }
        assertError(readError(b.toString()), ConfException.class, "x.conf", 18, 1,
                "expansion longer than 1048576 characters");
    }

    @Test
    @Timeout(20)
    void deepNestingIsRefusedNotAStackOverflow() throws IOException {
        String deep = "a=" + "${b:-".repeat(10_000) + "x" + "}".repeat(10_000) + "\n";
        assertError(readError(deep), ConfSyntaxException.class, "x.conf", 1, 498,
                "quotes, ${...} and $(...) nested deeper than 100");
        String subs = "a=" + "\"$(which ".repeat(5_000) + "x" + ")\"".repeat(5_000) + "\n";
        assertThat(readError(subs).reason()).isEqualTo("quotes, ${...} and $(...) nested deeper than 100");
    }

    @Test
    @Timeout(20)
    void includeFanOutIsBounded() throws IOException {
        // each level sources the next one 1000 times: 1000^4 includes if nothing stopped it
        for (int level = 0; level < 4; level++) {
            write("f" + level + ".conf", (". ./f" + (level + 1) + ".conf\n").repeat(1000));
        }
        write("f4.conf", "a=1\n");
        ConfException e = error(() -> ConfReader.builder().build().read(tmp.resolve("f0.conf")));
        assertThat(e.reason()).isEqualTo("the conf and its includes exceed 16777216 bytes");
    }

    @Test
    void runAtLineThatSailorsEvalCannotParse() throws IOException {
        // sourcing is fine, but read eats the backslashes: eval sees run_at_build="echo "hi""
        ConfException e = readError("shipname=x\nrun_at_build=\"printf \\\"%s\\n\\\" \\\"a\"\n");
        // the column is the one in the text eval sees
        assertError(e, ConfSyntaxException.class, "x.conf", 2, 30,
                "sailor's 'read' and 'eval' of this run_at_build line fail: unterminated double quote"
                        + " (it evaluates: run_at_build=\"printf \"%sn\" \"a\")");
    }

    @Test
    void errorsDoNotLeakIntoTheCaller() {
        assertThatThrownBy(() -> ConfReader.builder().variable("not a name", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a shell variable name: not a name");
    }
}
