package io.github.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bin/slipway} launcher: which jar and class data sharing archive it hands to java,
 * found through symlinks and from its own folder, with the arguments unchanged. A stand-in
 * {@code java} (the launcher's {@code JAVA}) prints the arguments it gets, one per line; the
 * launcher's copy lives in a temporary {@code bin} folder beside a {@code target} folder, as in
 * the project. shellcheck and dash must be installed (.ci/run does): missing, the test fails.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin/slipway").toAbsolutePath();

    @TempDir
    Path tmp;
    Path bin;
    Path jar;
    Path jsa;
    Path fakeJava;

    @BeforeEach
    void project() throws IOException {
        bin = Files.createDirectories(tmp.resolve("project/bin"));
        Path target = Files.createDirectories(tmp.resolve("project/target"));
        Files.copy(LAUNCHER, bin.resolve("slipway"));
        executable(bin.resolve("slipway"));
        jar = Files.writeString(target.resolve("slipway.jar"), "not really a jar");
        jsa = Files.writeString(target.resolve("slipway.jsa"), "not really an archive");
        fakeJava = Files.writeString(tmp.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(fakeJava);
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int status, List<String> javaArgs, String err) {
    }

    private Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("SLIPWAY_JAR");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA", fakeJava.toString());
        pb.environment().putAll(env);
        Path err = tmp.resolve("err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // one line per argument, each ended by a newline: the last piece of the split is empty
        String[] lines = out.split("\n", -1);
        List<String> args = List.of(lines).subList(0, lines.length - 1);
        return new Run(p.exitValue(), args, Files.readString(err));
    }

    private void archiveNewerThanJar(boolean newer) throws IOException {
        FileTime t = FileTime.fromMillis(1_700_000_000_000L);
        FileTime later = FileTime.fromMillis(1_700_000_000_000L + 1);
        Files.setLastModifiedTime(jar, newer ? t : later);
        Files.setLastModifiedTime(jsa, newer ? later : t);
    }

    private String resolvedJar() throws IOException {
        return bin.toRealPath() + "/../target/slipway.jar";
    }

    @Test
    void passesTheJarTheArchiveAndEveryArgumentUnchanged() throws Exception {
        archiveNewerThanJar(true);
        Run r = run(tmp, Map.of(), bin.resolve("slipway").toString(), "makefs", "a b", "", "-s", "*", "$HOME");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.javaArgs()).contains("-XX:SharedArchiveFile=" + bin + "/../target/slipway.jsa", "-XX:TieredStopAtLevel=1");
        List<String> tail = r.javaArgs().subList(r.javaArgs().indexOf("-jar"), r.javaArgs().size());
        assertThat(tail).containsExactly("-jar", bin + "/../target/slipway.jar", "makefs", "a b", "", "-s", "*", "$HOME");
    }

    @Test
    void anArchiveNotNewerThanTheJarIsLeftOut() throws Exception {
        archiveNewerThanJar(false);
        Run r = run(tmp, Map.of(), bin.resolve("slipway").toString(), "ls", "x.img");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.javaArgs()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        // a stale archive would be ignored by java anyway, with a warning; a missing one too
        Files.delete(jsa);
        r = run(tmp, Map.of(), bin.resolve("slipway").toString(), "ls", "x.img");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.javaArgs()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void findsItsJarThroughSymlinksAndFromItsOwnFolder() throws Exception {
        archiveNewerThanJar(true);
        Path onPath = Files.createDirectories(tmp.resolve("usr/local/bin"));
        // an absolute link, and a relative link to that link
        Files.createSymbolicLink(onPath.resolve("slipway"), bin.resolve("slipway"));
        Files.createSymbolicLink(tmp.resolve("sw"), Path.of("usr/local/bin/slipway"));
        for (String[] command : List.of(
                new String[] {onPath.resolve("slipway").toString(), "ls"},
                new String[] {tmp.resolve("sw").toString(), "ls"},
                new String[] {"./sw", "ls"})) {
            Run r = run(tmp, Map.of(), command);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.javaArgs()).as(command[0]).contains("-jar", resolvedJar(),
                    "-XX:SharedArchiveFile=" + bin.toRealPath() + "/../target/slipway.jsa");
        }
        // run as sh slipway and ./slipway from bin itself
        for (String[] command : List.of(new String[] {"sh", "slipway", "ls"}, new String[] {"./slipway", "ls"})) {
            Run r = run(bin, Map.of(), command);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.javaArgs()).as(String.join(" ", command)).contains("-jar")
                    .anyMatch(a -> a.endsWith("../target/slipway.jar"));
            String given = r.javaArgs().get(r.javaArgs().indexOf("-jar") + 1);
            assertThat(bin.resolve(given).toRealPath()).isEqualTo(jar.toRealPath());
        }
    }

    @Test
    void slipwayJarAndJavaOptsAreHonoured() throws Exception {
        Path other = Files.writeString(tmp.resolve("other.jar"), "x");
        Run r = run(tmp, Map.of("SLIPWAY_JAR", other.toString(), "JAVA_OPTS", "-Xmx256m -Dslipway.timing"),
                bin.resolve("slipway").toString(), "ls");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> a = r.javaArgs();
        assertThat(a).contains("-Xmx256m", "-Dslipway.timing").noneMatch(s -> s.startsWith("-XX:SharedArchiveFile"));
        // JAVA_OPTS after the launcher's own options, so they can override them (e.g. -Xmn)
        assertThat(a.indexOf("-Xmx256m")).isGreaterThan(a.indexOf("-Xmn16m")).isLessThan(a.indexOf("-jar"));
        assertThat(a.get(a.indexOf("-jar") + 1)).isEqualTo(other.toString());
    }

    @Test
    void aMissingJarIsOneLineSayingHowToBuildIt() throws Exception {
        Files.delete(jar);
        Run r = run(tmp, Map.of(), bin.resolve("slipway").toString(), "ls");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.javaArgs()).isEmpty();
        assertThat(r.err()).isEqualTo("slipway: " + bin + "/../target/slipway.jar not found: build it with mvn -q -DskipTests package\n");
    }

    @Test
    void passesShellcheckAndDash() throws Exception {
        List<List<String>> checks = List.of(List.of("shellcheck", "-s", "sh", LAUNCHER.toString()),
                List.of("dash", "-n", LAUNCHER.toString()));
        for (List<String> c : checks) {
            Process p;
            try {
                p = new ProcessBuilder(new ArrayList<>(c)).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError(c.get(0) + " is needed for this test (apt-get install " + c.get(0) + ")", e);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(c + ": " + out).isZero();
        }
    }
}
