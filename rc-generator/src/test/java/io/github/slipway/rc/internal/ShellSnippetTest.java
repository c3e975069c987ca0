package io.github.slipway.rc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ShellSnippet} against dash: what it accepts parses when framed as the rc frames it. */
class ShellSnippetTest {
    @TempDir
    Path tmp;

    /** {@code dash -n} of the snippet in the rc's subshell frame, followed by one more command. */
    int dashN(String code) throws Exception {
        Path f = tmp.resolve("rc");
        Files.writeString(f, "(\n" + code + "\n)\necho after\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("dash", "-n", f.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "printf '\\nnginx is listening on port 1080\\n\\n'",
        "cd /var/flask && gunicorn -u nginx -D --pid=/var/run/gunicorn.pid example:app",
        "kill $(cat /var/run/gunicorn.pid)",
        "echo \"$(date \"+%s\") `uname`\" # it's a comment with a ' quote",
        "x=${HOME:-'/'}; echo \"${x%/}\"",
        "echo $((1 + (2 * 3)))",
        "case $1 in a) echo a;; *) echo b;; esac",
        "if true; then\n  echo 'multi\nline'\nfi",
        "echo a\\\nb",
        "echo \\'",
        "echo \"a\\\"b\"",
        "echo $(echo $(echo nested))",
        "f() { echo hi; }; f"})
    void acceptsSelfContainedCode(String code) throws Exception {
        assertThat(ShellSnippet.check(code)).isEmpty();
        assertThat(dashN(code)).as("dash -n of %s", code).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"printf 'x", "echo \"x", "echo `x", "echo $(x", "echo ${x", "echo $((1",
        "echo \"$(date\"", "echo 'a' \"b"})
    void refusesWhatRunsPastItsEnd(String code) throws Exception {
        assertThat(ShellSnippet.check(code)).isPresent();
        // framed as in the rc, dash cannot parse it: the rest of the script was swallowed
        assertThat(dashN(code)).as("dash -n of %s", code).isNotZero();
    }

    /** A trailing backslash joins the next rc line to the user's command: dash shows it. */
    @Test
    void refusesATrailingBackslash() throws Exception {
        assertThat(ShellSnippet.check("echo a \\")).hasValue(
                "ends with a backslash, which would continue into the next line of /etc/rc");
        Process p = new ProcessBuilder("dash", "-c", "echo a \\\necho after").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("a echo after\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat <<EOF", "cat <<-EOF", "cat <<'X'"})
    void refusesHereDocumentsWhoseBodyWouldBeTheRc(String code) {
        assertThat(ShellSnippet.check(code)).hasValueSatisfying(w -> assertThat(w).startsWith("here-document"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo a\u0000", "echo \u001b[2J", "echo a\rb"})
    void refusesControlCharacters(String code) {
        assertThat(ShellSnippet.check(code)).hasValueSatisfying(w -> assertThat(w).startsWith("control character"));
    }

}
