package io.github.slipway.rc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away root in which {@code /etc/rc} runs under the host's dash, chrooted, with every
 * command it may call replaced by a logging stub: a small sh script that appends its path and
 * its arguments (each in brackets, so that a word that holds blanks or shell syntax is seen as
 * one argument) to {@code /log}.
 *
 * <p>dash and its shared libraries (from {@code ldd}) are copied in as {@code /bin/sh}; no
 * busybox, whose shell would run its own applets instead of the stubs. The chroot is entered
 * with {@code chroot(8)} when running as root, else with {@code unshare -r chroot} (a user
 * namespace). A stub made with {@link #blockingStub} stands for a command that runs until it is
 * killed ({@code tail -f}, {@code sleep}): it logs, sends SIGTERM to the rc (as shutdown would)
 * and blocks reading a FIFO that has no writer, until the rc's stop section kills it.
 */
final class StubRoot {
    /** The stub: path and bracketed arguments, one line per call. */
    static final String LOGGER = "#!/bin/sh\n"
            + "{ printf '%s' \"$0\"; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; printf '\\n'; } >>/log\n";

    final Path root;

    StubRoot(Path root) throws IOException, InterruptedException {
        this.root = root;
        Path dash = Path.of("/usr/bin/dash");
        if (!Files.isExecutable(dash)) {
            dash = Path.of("/bin/dash");
        }
        if (!Files.isExecutable(dash)) {
            throw new AssertionError("dash is needed by this test (.ci/run installs it)");
        }
        copyIn(dash, "/bin/sh");
        for (String lib : libraries(dash)) {
            copyIn(Path.of(lib), lib);
        }
        for (String d : List.of("/tmp", "/var/run", "/var/log", "/etc/rc.d")) {
            Files.createDirectories(at(d));
        }
        // background jobs of a non-interactive sh read /dev/null; a regular empty file does
        Files.createDirectories(at("/dev"));
        Files.writeString(at("/dev/null"), "");
        Files.writeString(at("/log"), "");
        ShellOracle.Run fifo = ShellOracle.run(root, List.of("mkfifo", at("/fifo").toString()), "");
        if (fifo.status() != 0) {
            throw new AssertionError("mkfifo failed: " + fifo.out());
        }
    }

    /** Paths of the shared objects {@code ldd} lists for {@code binary}. */
    private static List<String> libraries(Path binary) throws IOException, InterruptedException {
        ShellOracle.Run ldd = ShellOracle.run(Path.of("/"), List.of("ldd", binary.toString()), "");
        if (ldd.status() != 0) {
            throw new AssertionError("ldd " + binary + " failed: " + ldd.out());
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)(?:=>\\s*|^\\s*)(/\\S+)").matcher(ldd.out());
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            throw new AssertionError("ldd listed nothing for " + binary + ": " + ldd.out());
        }
        return out;
    }

    Path at(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private void copyIn(Path host, String inside) throws IOException {
        Path dst = at(inside);
        Files.createDirectories(dst.getParent());
        Files.copy(host, dst);
        Files.setPosixFilePermissions(dst, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    /** A logging stub at each of these absolute paths. */
    StubRoot stubs(String... paths) throws IOException {
        for (String p : paths) {
            write(p, LOGGER);
        }
        return this;
    }

    /** A stub that logs, signals the rc with SIGTERM and blocks until it is killed. */
    StubRoot blockingStub(String path) throws IOException {
        write(path, LOGGER + "kill -TERM \"$PPID\"\nread -r _ </fifo\necho \"$0 was not killed\" >>/log\n");
        return this;
    }

    private void write(String path, String script) throws IOException {
        Path f = at(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, script, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** What a run of the rc did. */
    record Result(int status, String output, List<String> log) {
    }

    /** Installs {@code rc} as {@code /etc/rc} and runs it under dash inside the root. */
    Result runRc(String rc) throws IOException, InterruptedException {
        Files.writeString(at("/etc/rc"), rc, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("unshare", "-r"));
        }
        cmd.addAll(List.of("chroot", root.toString(), "/bin/sh", "/etc/rc"));
        Path output = root.resolveSibling(root.getFileName() + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(cmd.get(0) + " is needed by this test: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the rc did not end; log so far:\n" + Files.readString(at("/log")));
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        String log = Files.readString(at("/log"), StandardCharsets.UTF_8);
        List<String> lines = List.of(log.split("\n", -1));
        return new Result(p.exitValue(), out, lines.subList(0, lines.size() - 1));
    }
}
