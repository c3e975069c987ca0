package io.github.slipway.examples.cli;

import io.github.slipway.ffs.internal.write.Timing;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code slipway} command: one subcommand per job (see DESIGN.md, "The slipway command line").
 *
 * <p>Exit status: 0 success, 1 bad input (the message says where), 2 usage error; subcommands
 * such as {@code fsck} define further codes. Errors go to stderr as
 * {@code slipway: <where>: <what>}, without a stack trace.
 *
 * <pre>{@code
 * ByteArrayOutputStream out = new ByteArrayOutputStream();
 * int status = Slipway.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
 *         "makedev", "-s", "std");   // 0, and out holds the lines MAKEDEV -s std prints
 * }</pre>
 */
@Command(
        name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = Slipway.Version.class,
        description = "Turns sailor ships into NetBSD FFSv1 root images, from any JVM.",
        subcommandsRepeatable = false)
public final class Slipway implements Runnable {
    /** Exit status for bad input: a file, a value or an image that cannot be used. */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit status for a command line that cannot be understood. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Timing.mark("JVM start to main");
        // straight onto the file descriptor: System.out is a PrintStream that would swallow a failed write
        CheckedOutput stdout =
                new CheckedOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.setOut(out); // cat writes its bytes to System.out
        int status = run(out, err, args);
        Timing.mark("end of command");
        out.flush();
        System.exit(outputFailure(status, stdout, err));
    }

    /**
     * Standard output that remembers its first write failure, which {@link PrintStream} and
     * {@link PrintWriter} would otherwise swallow (a full disk would then look like success).
     */
    static final class CheckedOutput extends FilterOutputStream {
        private IOException failure;

        CheckedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        /** {@return the first write failure, if any} */
        Optional<IOException> failure() {
            return Optional.ofNullable(failure);
        }
    }

    /**
     * The exit status once standard output is known: a write that failed (disk full, I/O error)
     * is one line and status 1, whatever the command returned. A reader that went away ({@code | head})
     * is not an error, as with the shell's own tools.
     */
    static int outputFailure(int status, CheckedOutput stdout, PrintStream err) {
        Optional<IOException> f = stdout.failure();
        if (f.isEmpty() || String.valueOf(f.get().getMessage()).contains("Broken pipe")) {
            return status;
        }
        String what = f.get().getMessage() == null ? "write error" : f.get().getMessage();
        err.println("slipway: standard output: " + what.toLowerCase(Locale.ROOT));
        err.flush();
        return Math.max(status, EXIT_BAD_INPUT);
    }

    /**
     * Runs the command line in this process, for tests and embedding.
     *
     * @return the exit status
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        java.util.Optional<MakefsCommand> fast = MakefsFastPath.parse(args);
        if (fast.isPresent()) {
            PrintWriter o = new PrintWriter(out, true);
            PrintWriter e = new PrintWriter(err, true);
            fast.get().fastOut = o;
            try {
                return fast.get().call();
            } catch (Exception ex) {
                return failed(ex, e);
            } finally {
                o.flush();
            }
        }
        CommandLine cl = commandLine(out, err, args.length > 0 ? args[0] : "");
        return cl.execute(args);
    }

    /** Reports a command's failure as picocli's handler below does: exit status 1. */
    private static int failed(Exception ex, PrintWriter err) {
        err.println("slipway: " + describe(ex));
        if (!(ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException)) {
            // not a user mistake: keep the trace, it is a bug report
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_BAD_INPUT;
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, "");
    }

    /**
     * The command line, with only the subcommand {@code first} names when it names one:
     * picocli builds a subcommand's model by reflection over all its options, which for every
     * subcommand costs more start-up time than a small image takes to write. Any other first
     * argument (help, an option, a typo) gets all of them, so usage and errors are unchanged.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String first) {
        CommandLine cl = new CommandLine(new Slipway());
        List<Object> all = Subcommands.all();
        List<Object> subs = all;
        for (Object sub : all) {
            Command c = sub.getClass().getAnnotation(Command.class);
            if (c != null && c.name().equals(first) && !(sub instanceof CommandLine.HelpCommand)) {
                subs = List.of(sub);
                break;
            }
        }
        for (Object sub : subs) {
            cl.addSubcommand(sub);
        }
        // -V on a subcommand printed nothing: the version provider was the top command's only
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
        }
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(usageLine(c.getCommandSpec(), ex.getMessage()));
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, c.getErr()));
        return cl;
    }

    /**
     * One line for a usage error: {@code slipway: <subcommand>: <what> (try 'slipway <subcommand> --help')}.
     * The subcommand is the "where" of a usage error; the top-level command has none.
     */
    static String usageLine(CommandSpec command, String message) {
        String qualified = command.qualifiedName();
        String where = command.parent() == null ? "" : command.name() + ": ";
        String what = message == null ? "bad command line" : message.strip().replace('\n', ' ');
        return "slipway: " + where + what + " (try '" + qualified + " --help')";
    }

    /**
     * What a {@link java.nio.file.FileSystemException} of the JDK's kinds means, when it carries no
     * reason of its own (their messages are then the bare path, with no "what").
     */
    static String reason(java.nio.file.FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return e.getClass().getSimpleName();
    }

    /**
     * A problem with {@code path} inside {@code image}, renamed {@code image:path} so that the
     * user sees both; the reason is kept.
     */
    static java.nio.file.FileSystemException inImage(Path image, java.nio.file.FileSystemException e) {
        String what = reason(e);
        String file = image + ":" + e.getFile();
        return e instanceof java.nio.file.NoSuchFileException
                ? new java.nio.file.NoSuchFileException(file, null, what)
                : new java.nio.file.FileSystemException(file, null, what);
    }

    /**
     * The one line (without {@code slipway: }) that says where and what for an exception.
     *
     * @param ex the failure
     * @return {@code <where>: <what>}
     */
    static String describe(Exception ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String msg = t.getMessage();
        // the JDK leaves the reason out of its own kinds; a reason given by slipway already says it
        // (some code puts a whole message in the file field: "x.img: folder y does not exist")
        if (t instanceof java.nio.file.FileSystemException f && f.getReason() == null && f.getOtherFile() == null
                && f.getFile() != null && !f.getFile().contains(": ")) {
            return f.getFile() + ": " + reason(f);
        }
        return msg == null ? t.getClass().getSimpleName() : msg;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Slipway.class.getPackage().getImplementationVersion();
            return new String[] {"slipway " + (v == null ? "development" : v)};
        }
    }
}
