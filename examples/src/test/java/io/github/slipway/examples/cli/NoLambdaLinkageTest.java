package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code slipway makefs} run links no lambda or method reference: each one's first use goes
 * through invokedynamic's bootstrap, which no class data sharing archive saves (removing them
 * took a one-file run from 71 to 62 ms). The run happens in a child JVM that logs every class it
 * loads; a lambda shows there as a {@code $$Lambda} class or a spun {@code LambdaForm}.
 */
class NoLambdaLinkageTest {
    @TempDir
    Path tmp;

    private List<String> loadedClasses(String... makefsArgs) throws Exception {
        Path etc = tmp.resolve("tree/etc");
        if (!Files.exists(etc)) {
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("motd"), "hello\n");
            Files.write(etc.resolve("big"), new byte[300_000]);
            Files.createSymbolicLink(etc.resolve("link"), Path.of("motd"));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                Slipway.class.getName(), "makefs", "-T", "0"));
        cmd.addAll(List.of(makefsArgs));
        cmd.add(tmp.resolve("img" + makefsArgs.length).toString());
        cmd.add(tmp.resolve("tree").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.contains("FfsImageBuilder "));
        return lines;
    }

    @Test
    void defaultAndCompatRunsSpinNoLambdaClasses() throws Exception {
        for (String[] args : new String[][] {{}, {"--compat", "-b", "10%"}, {"-Z"}}) {
            assertThat(loadedClasses(args)).as(String.join(" ", args))
                    .noneMatch(l -> l.contains("$$Lambda") || l.contains("LambdaForm$MH") || l.contains("LambdaForm$DMH")
                            || l.contains("LambdaForm$BMH"));
        }
    }
}
