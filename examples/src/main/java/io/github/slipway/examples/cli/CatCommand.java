package io.github.slipway.examples.cli;

import io.github.slipway.ffs.FfsImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway cat IMAGE PATH}: copy a file from inside an image to stdout, byte for byte. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Write a file inside an FFS image to standard output.")
final class CatCommand implements Callable<Integer> {
    /** Binary output goes to the process's stdout, not through picocli's character writer. */
    private final OutputStream stdout;

    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Parameters(index = "1", paramLabel = "PATH")
    String path;

    CatCommand() {
        this(System.out);
    }

    CatCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        try (FfsImage img = FfsImage.open(image)) {
            InputStream in;
            try {
                in = img.read(path);
            } catch (FileSystemException e) {
                // the reader names the path inside the image only; the user needs the image too
                throw Slipway.inImage(image, e);
            }
            try (in) {
                in.transferTo(stdout);
            }
        }
        stdout.flush();
        return 0;
    }
}
