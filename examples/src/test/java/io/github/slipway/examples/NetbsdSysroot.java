package io.github.slipway.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fake NetBSD/i386 destdir made by gcc: every program is a 32-bit ELF executable with a
 * {@code .note.netbsd.ident} note (NetBSD 10.0) and the interpreter
 * {@code /usr/libexec/ld.elf_so}, linked against a {@code libc.so.12} (and {@code nc} against a
 * {@code libutil.so.7} that needs libc too), laid out with NetBSD's links:
 * {@code /usr/libexec/ld.elf_so -> /libexec/ld.elf_so},
 * {@code /usr/lib/libc.so.12 -> ../../lib/libc.so.12 -> libc.so.12.220},
 * {@code /usr/lib/libutil.so.7 -> libutil.so.7.24}. Each program gets its own path appended
 * after the ELF data, so that no two have the same bytes. gcc missing is an error, not a skip.
 */
final class NetbsdSysroot {
    /** The fakecracker article's shipbins, plus what the generated rc runs besides them. */
    static final List<String> PROGRAMS = List.of("/bin/sh", "/sbin/init", "/usr/bin/printf", "/sbin/mount",
            "/sbin/mount_ffs", "/bin/ls", "/sbin/mknod", "/sbin/ifconfig", "/usr/bin/nc", "/usr/bin/tail",
            "/bin/hostname", "/bin/sleep", "/sbin/route");

    private NetbsdSysroot() {
    }

    /** Makes the sysroot in {@code root} (an empty folder), compiling in {@code work}. */
    static void make(Path root, Path work) throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve("note.s"), String.join("\n",
                ".section .note.netbsd.ident,\"a\",@note", ".p2align 2", ".long 7", ".long 4", ".long 1",
                ".ascii \"NetBSD\\0\\0\"", ".long 1000000000", ".section .note.GNU-stack,\"\",@progbits", ""));
        Files.writeString(work.resolve("libc.c"), "int c_value(void) { return 12; }\n");
        Files.writeString(work.resolve("libutil.c"),
                "extern int c_value(void);\nint util_value(void) { return c_value() + 7; }\n");
        Files.writeString(work.resolve("ldso.c"), "int rtld(void) { return 0; }\n");
        Files.writeString(work.resolve("prog.c"),
                "extern int c_value(void);\nvoid _start(void) { c_value(); for (;;) ; }\n");
        Files.writeString(work.resolve("nc.c"),
                "extern int util_value(void);\nvoid _start(void) { util_value(); for (;;) ; }\n");
        gcc(work, "-shared", "-fPIC", "-Wl,-soname,libc.so.12", "-o", "libc.so.12.220", "libc.c", "note.s");
        gcc(work, "-shared", "-fPIC", "-Wl,-soname,libutil.so.7", "-o", "libutil.so.7.24", "libutil.c", "note.s",
                "libc.so.12.220");
        gcc(work, "-shared", "-fPIC", "-Wl,-soname,ld.elf_so", "-o", "ld.elf_so", "ldso.c", "note.s");
        gcc(work, "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "-o", "prog", "prog.c", "note.s", "libc.so.12.220");
        gcc(work, "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "-o", "nc", "nc.c", "note.s", "libutil.so.7.24",
                "libc.so.12.220");

        for (String d : List.of("libexec", "lib", "bin", "sbin", "etc", "usr/libexec", "usr/lib", "usr/bin",
                "usr/sbin", "usr/share/zoneinfo")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.copy(work.resolve("ld.elf_so"), root.resolve("libexec/ld.elf_so"));
        Files.createSymbolicLink(root.resolve("usr/libexec/ld.elf_so"), Path.of("/libexec/ld.elf_so"));
        Files.copy(work.resolve("libc.so.12.220"), root.resolve("lib/libc.so.12.220"));
        Files.createSymbolicLink(root.resolve("lib/libc.so.12"), Path.of("libc.so.12.220"));
        Files.createSymbolicLink(root.resolve("usr/lib/libc.so.12"), Path.of("../../lib/libc.so.12"));
        Files.copy(work.resolve("libutil.so.7.24"), root.resolve("usr/lib/libutil.so.7.24"));
        Files.createSymbolicLink(root.resolve("usr/lib/libutil.so.7"), Path.of("libutil.so.7.24"));
        for (String p : PROGRAMS) {
            byte[] elf = Files.readAllBytes(work.resolve(p.equals("/usr/bin/nc") ? "nc" : "prog"));
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(elf);
            b.write(p.getBytes(StandardCharsets.US_ASCII));
            Path target = root.resolve(p.substring(1));
            Files.write(target, b.toByteArray());
            target.toFile().setExecutable(true, false);
        }
        Files.writeString(root.resolve("etc/master.passwd"),
                "root:*:0:0::0:0:Charlie &:/root:/bin/sh\n"
                + "nginx:*:99:99::0:0:nginx:/var/db/nginx:/sbin/nologin\n");
        Files.writeString(root.resolve("etc/group"), "wheel:*:0:root\nnginx:*:99:\n");
        Files.write(root.resolve("usr/share/zoneinfo/GMT"), "TZif2 GMT".getBytes(StandardCharsets.US_ASCII));
    }

    private static void gcc(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-m32", "-nostdlib", "-O0"));
        cmd.addAll(List.of(args));
        run(dir, cmd);
    }

    /** Runs a tool in {@code dir}; its output, or an IOException naming the tool and its stderr. */
    static String run(Path dir, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(cmd.get(0) + " not runnable: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** {@code readelf}'s view of an ELF file: its interpreter and NEEDED names, RPATH, RUNPATH. */
    static Map<String, List<String>> readelf(Path file) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("interp", new ArrayList<>());
        m.put("needed", new ArrayList<>());
        m.put("rpath", new ArrayList<>());
        String l = run(file.getParent(), List.of("readelf", "-lW", file.toString()));
        for (String line : l.split("\n")) {
            String key = "[Requesting program interpreter: ";
            int at = line.indexOf(key);
            if (at >= 0) {
                m.get("interp").add(line.substring(at + key.length(), line.indexOf(']', at)));
            }
        }
        String d = run(file.getParent(), List.of("readelf", "-dW", file.toString()));
        for (String line : d.split("\n")) {
            String lib = "Shared library: [";
            int at = line.indexOf(lib);
            if (at >= 0) {
                m.get("needed").add(line.substring(at + lib.length(), line.indexOf(']', at)));
            }
            for (String key : List.of("Library rpath: [", "Library runpath: [")) {
                at = line.indexOf(key);
                if (at >= 0) {
                    m.get("rpath").add(line.substring(at + key.length(), line.indexOf(']', at)));
                }
            }
        }
        return m;
    }
}
