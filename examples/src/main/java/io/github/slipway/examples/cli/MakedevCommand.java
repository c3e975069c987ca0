package io.github.slipway.examples.cli;

import io.github.slipway.makedev.Arch;
import io.github.slipway.makedev.Expansion;
import io.github.slipway.makedev.Makedev;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway makedev}: NetBSD's MAKEDEV without a NetBSD host or root.
 *
 * <p>With {@code -s} it prints exactly what {@code MAKEDEV -s TARGET...} prints (template 1.236),
 * and MAKEDEV's warnings on stderr as the script spells them ({@code ./MAKEDEV: X: unknown
 * device}). Without {@code -s} it prints an mtree spec for a whole file system: the
 * de-duplicated entries under {@code ./dev/} (or {@code -d DIR}), which {@code makefs -F} (and
 * {@code slipway makefs -F}) add to an image. {@code -o FILE} writes either form to a file
 * instead of stdout. Exit status 1 when MAKEDEV would warn (the output is still complete), 2 for
 * a usage error such as an unknown arch. The default arch is amd64, the usual micro-VM port.
 */
@Command(name = "makedev", mixinStandardHelpOptions = true,
        description = {"Makes NetBSD /dev entries like MAKEDEV(8), as mtree specs, for i386 or amd64.",
            "With -s: exactly the lines of 'MAKEDEV -s TARGET...'.",
            "Without -s: a de-duplicated spec of ./dev/... entries for 'makefs -F'."})
final class MakedevCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-a", paramLabel = "ARCH", defaultValue = "amd64",
            description = "NetBSD port: i386 or amd64 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "-s", description = "Print MAKEDEV -s output (relative ./NAME lines, duplicates kept).")
    boolean specfile;

    @Option(names = "-o", paramLabel = "FILE", description = "Write the spec to FILE instead of stdout.")
    Path output;

    @Option(names = "-d", paramLabel = "DIR", defaultValue = "dev",
            description = "Without -s: the directory the entries go in (default: ${DEFAULT-VALUE}).")
    String dir;

    @Option(names = "--virtio",
            description = "Define the 'virtio' target (ld0-ld3 ttyVI vio9p0) that template 1.236 lacks.")
    boolean virtio;

    @Option(names = "--fdesc-mounted",
            description = "Act as if fdesc were mounted on /dev: no tty, stdin, stdout, stderr, fd/*.")
    boolean fdescMounted;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "MAKEDEV targets: all, std, ld0, tap, ...")
    List<String> targets;

    @Override
    public Integer call() throws IOException {
        Arch a;
        try {
            a = Arch.parse(arch);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (output != null && Files.isDirectory(output)) {
            throw new FileSystemException(output.toString(), null, "is a directory (-o wants a file)");
        }
        Expansion e = Makedev.forArch(a).withVirtio(virtio).withFdescMounted(fdescMounted).expand(targets);
        String text;
        try {
            text = specfile ? e.makedevSpec() : e.fileSystemSpec(dir);
        } catch (IllegalArgumentException bad) {
            // only -d can be wrong here: the targets were expanded already
            throw new CommandLine.ParameterException(spec.commandLine(), "-d: " + bad.getMessage());
        }
        if (output != null) {
            writeAtomically(output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print(e.warningLines(specfile ? "./MAKEDEV" : "slipway: makedev"));
        err.flush();
        return e.exitStatus();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new FileSystemException(file.toString(), null, "folder " + abs.getParent() + " does not exist");
        }
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // createTempFile makes the file 0600; a spec is no secret: keep the old file's mode, else 0644
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
