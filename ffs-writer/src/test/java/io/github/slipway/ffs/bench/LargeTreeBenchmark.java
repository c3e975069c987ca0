package io.github.slipway.ffs.bench;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bounded memory: writes the image of a 4 GiB tree (sparse source files, so it is quick to make)
 * with {@code java -Xmx256m -jar slipway.jar makefs} in a child process and prints wall time and
 * peak RSS. Not run by surefire (it writes a 4 GiB image).
 *
 * <pre>
 * java -cp ffs-writer/target/test-classes io.github.slipway.ffs.bench.LargeTreeBenchmark \
 *     examples/target/slipway.jar /tmp/slipway-large
 * </pre>
 */
public final class LargeTreeBenchmark {
    private LargeTreeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "examples/target/slipway.jar");
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/slipway-large"));
        Path tree = Files.createDirectories(work.resolve("tree"));
        try (RandomAccessFile f = new RandomAccessFile(tree.resolve("huge").toFile(), "rw")) {
            f.setLength(4L << 30);
        }
        for (int i = 0; i < 1000; i++) {
            Files.writeString(tree.resolve("small" + i), "file " + i + "\n");
        }
        Path img = work.resolve("large.img");
        Process p = new ProcessBuilder(List.of("/usr/bin/time", "-f", "%e s wall, %M KB peak RSS",
                "java", "-Xmx256m", "-jar", jar.toString(), "makefs", "-Z", "-T", "0", img.toString(), tree.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        int status = p.waitFor();
        System.out.println("exit " + status + ": " + err);
        System.out.println("image " + Files.size(img) + " bytes for a tree of " + ((4L << 30) + 1000 * 10) + " bytes");
        Files.deleteIfExists(img);
    }
}
