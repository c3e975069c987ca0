package io.github.slipway.sailor.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds ELF fixtures with the host's gcc (and gcc-multilib for -m32); a missing gcc fails the test. */
final class Gcc {
    private Gcc() {
    }

    /** Runs {@code gcc args...} in {@code dir}; throws with gcc's output when it fails. */
    static void run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("gcc");
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "gcc", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("gcc timed out: " + cmd);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (p.exitValue() != 0) {
            throw new IOException("gcc failed (" + p.exitValue() + "): " + cmd + "\n" + out);
        }
    }

    /** A shared object with a soname, linked against {@code deps} (files in {@code dir}). */
    static void sharedLib(Path dir, String bits, String out, String soname, List<String> extra, String... deps)
            throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of(bits, "-shared", "-fPIC", "-nostdlib", "-Wl,--no-as-needed",
                "-Wl,--disable-new-dtags", "-Wl,-rpath-link," + dir, "-Wl,-soname," + soname, "-o", out, "c.c"));
        a.addAll(extra);
        a.addAll(List.of(deps));
        run(dir, a.toArray(String[]::new));
    }

    /** Writes the C and assembly sources the fixtures are made of. */
    static void sources(Path dir) throws IOException {
        Files.writeString(dir.resolve("c.c"), "int slipway_fixture(void) { return 42; }\n");
        Files.writeString(dir.resolve("main.c"), "void _start(void) { for (;;) { } }\n");
        // NetBSD's crt0 carries this note: name "NetBSD", type 1 (NT_NETBSD_IDENT), 4-byte __NetBSD_Version__
        Files.writeString(dir.resolve("note.S"), String.join("\n",
                "\t.section .note.netbsd.ident, \"a\", @note",
                "\t.p2align 2",
                "\t.long 7",
                "\t.long 4",
                "\t.long 1",
                "\t.ascii \"NetBSD\\0\\0\"",
                "\t.long 1000000000",
                ""));
    }
}
