package io.github.slipway.rc;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /etc/rc} does once everything is started.
 *
 * <p>init(8) runs {@code /etc/rc} and a micro-VM's job is done when the rc is: the article's rc
 * ends with {@code tail -f} of the web server's log so that the console shows the traffic and the
 * script never returns. While the rc waits it also catches SIGTERM/SIGINT/SIGHUP (which
 * {@code shutdown}, {@code halt} and {@code reboot} send to every process) and runs the ship's
 * stop section; with {@link Kind#EXIT} nothing is left to catch them.
 *
 * <pre>{@code
 * FinalWait.tail("/var/log/nginx/access.log");
 * FinalWait.sleep();   // wait forever
 * FinalWait.exit();    // return to init
 * }</pre>
 *
 * @param kind what to do
 * @param file the file to follow, present exactly for {@link Kind#TAIL}
 */
public record FinalWait(Kind kind, Optional<String> file) {
    /** The choices. */
    public enum Kind {
        /** Return to init after the last {@code run_at_start} command. */
        EXIT,
        /** Wait forever ({@code sleep} in a loop), interruptible by the stop signals. */
        SLEEP,
        /** {@code tail -f FILE} until a stop signal arrives. */
        TAIL
    }

    /**
     * Checks that a file is given exactly for {@link Kind#TAIL}.
     *
     * @param kind what to do
     * @param file the file to follow, present exactly for {@link Kind#TAIL}
     */
    public FinalWait {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        if ((kind == Kind.TAIL) != file.isPresent()) {
            throw new IllegalArgumentException(kind == Kind.TAIL
                    ? "TAIL needs a file" : kind + " takes no file: " + file.get());
        }
    }

    /**
     * Return to init when done.
     *
     * @return the choice
     */
    public static FinalWait exit() {
        return new FinalWait(Kind.EXIT, Optional.empty());
    }

    /**
     * Wait forever.
     *
     * @return the choice
     */
    public static FinalWait sleep() {
        return new FinalWait(Kind.SLEEP, Optional.empty());
    }

    /**
     * Follow {@code file} (an absolute path in the ship) on the console.
     *
     * @param file an absolute path in the ship
     * @return the choice
     */
    public static FinalWait tail(String file) {
        return new FinalWait(Kind.TAIL, Optional.of(file));
    }
}
