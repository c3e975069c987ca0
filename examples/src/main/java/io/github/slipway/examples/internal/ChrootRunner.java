package io.github.slipway.examples.internal;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.ImageTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs {@code run_at_build} commands the way sailor does ({@code chroot SHIP sh -c COMMAND}), on a
 * Linux host building a Linux ship as root: the staged tree is written to a scratch folder, each
 * command runs there through Apache Commons Exec with a time limit, and the folder is read back.
 * Device nodes and FIFOs are not written (MAKEDEV's nodes carry NetBSD numbers and are added
 * afterwards); everything else, hard links included, is.
 *
 * <pre>{@code
 * ChrootRunner r = new ChrootRunner(scratch, Duration.ofMinutes(10));
 * r.write(tree.root());
 * r.run("pip3 install flask", "web.conf:10:1");
 * ImageNode after = r.read();
 * }</pre>
 */
public final class ChrootRunner {
    /** What the command's output is cut to in an error message. */
    private static final int TAIL = 400;

    private final Path dir;
    private final Duration timeout;

    /**
     * A runner over {@code dir}, an empty folder that stands for the ship's {@code /}.
     *
     * @param timeout the most one command may take
     */
    public ChrootRunner(Path dir, Duration timeout) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Why commands cannot run here, or empty when they can: they need Linux, root and a
     * {@code chroot} program.
     */
    public static java.util.Optional<String> unusable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).equals("linux")) {
            return java.util.Optional.of("the host is not Linux");
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    if (!f[1].equals("0")) {
                        return java.util.Optional.of("not running as root");
                    }
                }
            }
        } catch (IOException e) {
            return java.util.Optional.of("cannot tell the user id: " + e.getMessage());
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/chroot"))) {
            return java.util.Optional.of("/usr/sbin/chroot is missing");
        }
        return java.util.Optional.empty();
    }

    /** Writes the tree into the folder. */
    public void write(ImageNode root) throws IOException {
        Map<ImageNode, Path> written = new IdentityHashMap<>();
        writeDir(dir, root, written);
    }

    private void writeDir(Path at, ImageNode node, Map<ImageNode, Path> written) throws IOException {
        Files.createDirectories(at);
        for (String name : node.names()) {
            ImageNode n = node.child(name).orElseThrow();
            Path p = at.resolve(name);
            switch (n.type()) {
                case DIRECTORY -> writeDir(p, n, written);
                case SYMLINK -> Files.createSymbolicLink(p, Path.of(n.linkTarget().orElseThrow()));
                case FILE -> {
                    Path first = written.get(n);
                    if (first != null) {
                        Files.createLink(p, first);
                        continue;
                    }
                    try (InputStream in = n.content().orElseThrow().open()) {
                        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new IOException(n.content().orElseThrow().origin() + ": cannot read: " + e.getMessage(), e);
                    }
                    Files.setAttribute(p, "unix:mode", n.metadata().permissions());
                    written.put(n, p);
                }
                default -> {
                    // devices and FIFOs: not needed to run build commands
                }
            }
        }
        Files.setAttribute(at, "unix:mode", node.metadata().permissions());
    }

    /**
     * Runs {@code sh -c command} chrooted into the folder.
     *
     * @param where the conf position, for messages
     * @throws IOException naming {@code where} when the command fails, times out or cannot start
     */
    public void run(String command, String where) throws IOException {
        CommandLine cl = new CommandLine("/usr/sbin/chroot");
        cl.addArgument(dir.toString(), false);
        cl.addArgument("/bin/sh", false);
        cl.addArgument("-c", false);
        cl.addArgument(command, false);
        Tail out = new Tail();
        ExecuteWatchdog dog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor ex = DefaultExecutor.builder().get();
        ex.setStreamHandler(new PumpStreamHandler(out, out));
        ex.setWatchdog(dog);
        ex.setExitValues(null);
        Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME", "/", "LC_ALL", "C");
        int status;
        try {
            status = ex.execute(cl, env);
        } catch (ExecuteException e) {
            status = e.getExitValue();
        }
        if (dog.killedProcess()) {
            throw new IOException(where + ": run_at_build timed out after " + timeout.toSeconds() + " s: " + command);
        }
        if (status != 0) {
            throw new IOException(where + ": run_at_build exited " + status + ": " + command
                    + (out.text().isEmpty() ? "" : " (output: " + out.text() + ")"));
        }
    }

    /** The folder read back as a tree (host owners and modes, as the commands left them). */
    public ImageNode read() throws IOException {
        return ImageTree.fromDirectories(List.of(dir)).root();
    }

    /** Removes the folder and everything in it, never following links. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Keeps the last bytes of a command's output, on one line. */
    private static final class Tail extends OutputStream {
        private final byte[] buf = new byte[TAIL];
        private long count;

        @Override
        public synchronized void write(int b) {
            buf[(int) (count++ % TAIL)] = (byte) b;
        }

        synchronized String text() {
            int n = (int) Math.min(count, TAIL);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = buf[(int) ((count - n + i) % TAIL)];
            }
            return new String(out, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\n\\s*", " | ");
        }
    }
}
