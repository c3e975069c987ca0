package io.github.slipway.examples.cli;

import io.github.slipway.rc.FinalWait;
import io.github.slipway.rc.RcFile;
import io.github.slipway.rc.RcFiles;
import io.github.slipway.rc.RcGenerator;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.rc.ServiceStyle;
import io.github.slipway.sailor.ShipConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code slipway rc}: the ship's generated {@code /etc/rc} (or its fstab or rc.conf) on stdout.
 *
 * <pre>
 * slipway rc --set services=nginx --service nginx=/usr/pkg/sbin/nginx \
 *     --tail /var/log/nginx/access.log fakecracker.conf
 * </pre>
 */
@Command(name = "rc", mixinStandardHelpOptions = true,
        description = {"Prints the minimal /etc/rc generated from a sailor conf (or its fstab or rc.conf).",
            "Every value from the conf is validated and single-quoted; a value that cannot be data is an"
                + " error naming the conf line."})
final class RcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfOptions confOptions;

    @Option(names = "--style", paramLabel = "STYLE",
            description = "how services start: rcd (/etc/rc.d/NAME onestart) or direct (the --service"
                    + " commands); default direct when --service is given, else rcd")
    String style;

    @Option(names = "--service", paramLabel = "NAME=COMMAND",
            description = "the command that starts service NAME directly, split into words on blanks;"
                    + " each word is passed as data")
    Map<String, String> services = new LinkedHashMap<>();

    @Option(names = "--prefix", paramLabel = "DIR",
            description = "package prefix added to PATH (default /usr/pkg)")
    String prefix = RcOptions.DEFAULT_PACKAGE_PREFIX;

    @Option(names = "--no-prefix", description = "add no package prefix to PATH")
    boolean noPrefix;

    @Option(names = "--root-device", paramLabel = "DEV",
            description = "root file system in fstab: a device or NAME=label (default /dev/ld0a)")
    String rootDevice = RcOptions.DEFAULT_ROOT_DEVICE;

    @Option(names = "--tmpfs", paramLabel = "DIR", description = "mount a tmpfs on DIR (repeatable)")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = "--default-route", paramLabel = "ADDR", description = "default gateway (IPv4 or IPv6)")
    String defaultRoute;

    @Option(names = "--no-hostname", description = "do not set the host name from shipname")
    boolean noHostname;

    @Option(names = "--tail", paramLabel = "FILE",
            description = "end by following FILE (tail -f) instead of waiting silently")
    String tail;

    @Option(names = "--exit",
            description = "end the rc after run_at_start; the stop steps then go to /etc/rc.shutdown")
    boolean exit;

    @Option(names = "--file", paramLabel = "FILE", description = "which file to print: rc, fstab, rc.conf or rc.shutdown (--exit only)")
    String file = "rc";

    @Parameters(index = "0", paramLabel = "CONF", description = "the sailor conf")
    Path conf;

    @Override
    public Integer call() throws Exception {
        RcOptions options = options();
        ShipConfig ship = confOptions.reader().read(conf);
        RcFiles files = RcGenerator.generate(ship, options);
        RcFile out = switch (file) {
            case "rc" -> files.rc();
            case "fstab" -> files.fstab();
            case "rc.conf" -> files.rcConf();
            case "rc.shutdown" -> files.rcShutdown().orElseThrow(
                    () -> usage("--file rc.shutdown: there is none unless --exit is given (the rc stays"
                            + " and stops the ship itself)"));
            default -> throw new IllegalStateException(file);
        };
        spec.commandLine().getOut().print(out.text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RcOptions options() {
        if (!List.of("rc", "fstab", "rc.conf", "rc.shutdown").contains(file)) {
            throw usage("--file must be rc, fstab, rc.conf or rc.shutdown: " + file);
        }
        if (tail != null && exit) {
            throw usage("--tail and --exit exclude each other");
        }
        if (noPrefix && spec.commandLine().getParseResult().hasMatchedOption("--prefix")) {
            throw usage("--prefix and --no-prefix exclude each other");
        }
        ServiceStyle s;
        if (style == null) {
            s = services.isEmpty() ? ServiceStyle.RCD : ServiceStyle.DIRECT;
        } else {
            try {
                s = ServiceStyle.valueOf(style.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw usage("--style must be rcd or direct: " + style);
            }
        }
        Map<String, List<String>> commands = new LinkedHashMap<>();
        services.forEach((name, command) -> commands.put(name, words(command)));
        try {
            return RcOptions.defaults()
                    .withServiceStyle(s)
                    .withServiceCommands(commands)
                    .withPackagePrefix(noPrefix ? Optional.empty() : Optional.of(prefix))
                    .withRootDevice(rootDevice)
                    .withTmpfsMounts(tmpfs)
                    .withDefaultRoute(Optional.ofNullable(defaultRoute))
                    .withHostnameFromShipname(!noHostname)
                    .withFinalWait(exit ? FinalWait.exit() : tail != null ? FinalWait.tail(tail) : FinalWait.sleep());
        } catch (IllegalArgumentException e) {
            throw usage(optionNames(e.getMessage()));
        }
    }

    /**
     * Rewrites the {@link RcOptions} component named at the start of a validation message as the
     * command-line option the user typed ({@code tmpfsMounts: ...} becomes {@code --tmpfs: ...}).
     */
    static String optionNames(String message) {
        String[][] names = {{"packagePrefix", "--prefix"}, {"rootDevice", "--root-device"},
            {"tmpfsMounts", "--tmpfs"}, {"defaultRoute", "--default-route"}, {"finalWait", "--tail"},
            {"serviceCommands", "--service"}};
        for (String[] n : names) {
            if (message.startsWith(n[0] + ":")) {
                return n[1] + message.substring(n[0].length());
            }
        }
        return message;
    }

    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        for (String w : command.split("[ \t]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
