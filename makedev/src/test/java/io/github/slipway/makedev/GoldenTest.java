package io.github.slipway.makedev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden {@code MAKEDEV -s TARGET} output made by NetBSD's own MAKEDEV (see golden/SOURCES.md). */
class GoldenTest {
    static Path goldenDir() {
        try {
            return Path.of(GoldenTest.class.getResource("/golden/INDEX.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> goldens() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Arch arch : Arch.values()) {
            try (Stream<Path> s = Files.list(goldenDir().resolve(arch.netbsdName()))) {
                s.filter(p -> p.getFileName().toString().endsWith(".spec")).sorted().forEach(p -> {
                    String f = p.getFileName().toString();
                    out.add(Arguments.of(arch, f.substring(0, f.length() - ".spec".length())));
                });
            }
        }
        assertThat(out).hasSize(60);
        return out.stream();
    }

    static Map<String, Integer> exitStatuses() throws IOException {
        Map<String, Integer> m = new HashMap<>();
        for (String line : Files.readAllLines(goldenDir().resolve("INDEX.tsv"))) {
            String[] f = line.split("\t");
            if (!f[0].equals("arch")) {
                m.put(f[0] + "/" + f[1], Integer.parseInt(f[2]));
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void specAndWarningsEqualNetbsdMakedev(Arch arch, String target) throws IOException {
        Path dir = goldenDir().resolve(arch.netbsdName());
        String spec = Files.readString(dir.resolve(target + ".spec"), StandardCharsets.UTF_8);
        Path errFile = dir.resolve(target + ".stderr");
        String err = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";

        Expansion e = Makedev.forArch(arch).expand(target);

        assertThat(e.makedevSpec()).isEqualTo(spec);
        assertThat(e.warningLines("./MAKEDEV")).isEqualTo(err);
        assertThat(e.exitStatus()).isEqualTo(exitStatuses().get(arch.netbsdName() + "/" + target));
    }
}
