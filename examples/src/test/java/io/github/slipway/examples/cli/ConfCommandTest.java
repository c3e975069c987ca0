package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void confPrintsOneJsonObjectWithRunAtArrays() throws IOException {
        Path conf = write("nginx.conf", "services=\"nginx\"\nshipname=nginx\nshippath=\"${HOME}/src/sailor/nginx\"\n"
                + "run_at_start=\"printf '\\\\nnginx is listening\\\\n'\"\nrun_at_start=\"echo done\"\n");
        SlipwayTest.Result r = SlipwayTest.run("conf", "--set", "HOME=/home/me", conf.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("{\n"
                + "  \"HOME\": \"/home/me\",\n"
                + "  \"services\": \"nginx\",\n"
                + "  \"shipname\": \"nginx\",\n"
                + "  \"shippath\": \"/home/me/src/sailor/nginx\",\n"
                + "  \"run_at_start\": [\n"
                + "    \"printf '\\\\nnginx is listening\\\\n'\",\n"
                + "    \"echo done\"\n"
                + "  ]\n"
                + "}\n");
    }

    @Test
    void emptyConfIsAnEmptyObject() throws IOException {
        SlipwayTest.Result r = SlipwayTest.run("conf", write("e.conf", "# nothing\n").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("{}\n");
    }

    /** Python's json module is the oracle: the output parses back to the very strings. */
    @Test
    void jsonEscapingRoundTripsThroughPython() throws Exception {
        Path conf = write("nasty.conf", "a='quote \" backslash \\ tab \t nl\n cr \r bell \u0007 del \u007f'\n"
                + "b=\"unicode é ✓ 𝄞 \u2028\"\nrun_at_build='printf \"%s\\n\" x'\n");
        SlipwayTest.Result r = SlipwayTest.run("conf", conf.toString());
        assertThat(r.status()).isZero();
        Path json = write("out.json", r.out());
        Process p = new ProcessBuilder("python3", "-c",
                "import json,sys\n"
                        + "d=json.load(open(sys.argv[1],encoding='utf-8'))\n"
                        + "assert d['a']=='quote \" backslash \\\\ tab \\t nl\\n cr \\r bell \\x07 del \\x7f', repr(d['a'])\n"
                        + "assert d['b']=='unicode \\u00e9 \\u2713 \\U0001d11e \\u2028', repr(d['b'])\n"
                        // sailor's read eats the backslash of \n
                        + "assert d['run_at_build']==['printf \"%sn\" x'], repr(d['run_at_build'])\n"
                        + "assert list(d)==['a','b','run_at_build'], list(d)\n",
                json.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void badConfIsOneLineOnStderrAndExitOne() throws IOException {
        Path conf = write("bad.conf", "shipname=x\nshipbins=\"/bin/sh\n");
        SlipwayTest.Result r = SlipwayTest.run("conf", conf.toString());
        assertThat(r.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("slipway: " + conf + ":2:10: unterminated double quote\n");
    }

    @Test
    void missingConfIsExitOne() {
        Path conf = tmp.resolve("nope.conf");
        SlipwayTest.Result r = SlipwayTest.run("conf", conf.toString());
        assertThat(r.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("slipway: " + conf + ":1:1: cannot read: no such file\n");
    }

    @Test
    void malformedSetIsAUsageError() throws IOException {
        Path conf = write("a.conf", "a=1\n");
        SlipwayTest.Result r = SlipwayTest.run("conf", "--set", "1x=2", conf.toString());
        assertThat(r.status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(r.err()).startsWith("slipway: conf: --set needs NAME=VALUE with a shell variable name, got '1x=2'");
        assertThat(SlipwayTest.run("conf", conf.toString(), "extra").status()).isEqualTo(Slipway.EXIT_USAGE);
    }

    @Test
    void whichIsAnsweredFromTheRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/usr/pkg/bin"));
        Path tool = Files.writeString(root.resolve("nginx"), "");
        tool.toFile().setExecutable(true);
        Path conf = write("w.conf", "shipbins=\"$(which nginx) `command -v nginx`\"\n");
        SlipwayTest.Result r = SlipwayTest.run("conf", "--root", tmp.resolve("root").toString(), conf.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("{\n  \"shipbins\": \"/usr/pkg/bin/nginx /usr/pkg/bin/nginx\"\n}\n");
    }

    @Test
    void lintIsSilentAndZeroOnACleanConf() throws IOException {
        Files.createDirectories(tmp.resolve("root/bin"));
        Files.writeString(tmp.resolve("root/bin/sh"), "");
        Path conf = write("ok.conf", "shipname=ok\nshippath=/ships/ok\nshipbins=/bin/sh\n");
        SlipwayTest.Result r = SlipwayTest.run("lint", "--root", tmp.resolve("root").toString(), conf.toString());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void lintPrintsWarningsOnStdoutAndExitsOne() throws IOException {
        Files.createDirectories(tmp.resolve("root"));
        Path conf = write("w.conf", "shippath=/\nshipbins=\"/bin/nope /lib/*.so\"\ncolour=blue\n"
                + " run_at_build=\"make\"\n");
        SlipwayTest.Result r = SlipwayTest.run("lint", "--root", tmp.resolve("root").toString(), "--set", "HOME=/h",
                conf.toString());
        assertThat(r.status()).isEqualTo(LintCommand.EXIT_WARNINGS);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(String.join("\n",
                conf + ":1: warning: shipname is not set (sailor needs it)",
                conf + ":1: warning: shippath is '/': sailor refuses to build",
                conf + ":2: warning: shipbins: /bin/nope does not exist in " + tmp.resolve("root"),
                conf + ":2: warning: shipbins: /lib/*.so matches nothing in " + tmp.resolve("root"),
                conf + ":3: warning: unknown key colour: sailor does not read it and nothing in the conf uses it",
                conf + ":4: warning: run_at_build not at the start of its line: sailor's grep '^run_at_build'"
                        + " does not see it, so this command never runs") + "\n");
    }

    @Test
    void lintOfAnUnreadableConfIsAnError() throws IOException {
        Path conf = write("bad.conf", "a=${\n");
        SlipwayTest.Result r = SlipwayTest.run("lint", conf.toString());
        assertThat(r.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("slipway: " + conf + ":1:3: ");
    }
}
