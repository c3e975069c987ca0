package io.github.slipway.examples.cli;

import io.github.slipway.ffs.internal.write.Timing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(out, err, args);
        Timing.mark("end of command");
        System.exit(status);
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
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("slipway: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, c.getErr()));
        return cl;
    }

    private static String describe(Exception ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String msg = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) {
            return msg + ": no such file or directory";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return msg + ": permission denied";
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
