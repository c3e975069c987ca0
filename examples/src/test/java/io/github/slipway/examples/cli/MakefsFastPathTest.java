package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The picocli-free reading of makefs command lines against picocli's own (the oracle). */
class MakefsFastPathTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "makefs img dir",
        "makefs --compat -T 0 -b 10% s.img tree",
        "makefs -s 64m -T 0 -F dev.spec root.img destdir overlay",
        "makefs --compat -o bsize=4096,fsize=512 -B be root.img destdir",
        "makefs -o bsize=4096 -o fsize=512 -o label=x img a b c",
        "makefs -s64m -b10% -f5 -M1m -m 2g -S 512 -O 8k img dir",
        "makefs -Z -x -n --clamp-time -N etc -d 0x1 -t ffs img dir",
        "makefs img -T 0 dir --compat",
    })
    void readsLikePicocli(String line) throws Exception {
        String[] args = line.split(" ");
        Optional<MakefsCommand> fast = MakefsFastPath.parse(args);
        assertThat(fast).as(line).isPresent();
        MakefsCommand oracle = new MakefsCommand();
        new CommandLine(oracle).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        for (Field f : MakefsCommand.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                assertThat(f.get(fast.get())).as(line + ": " + f.getName()).isEqualTo(f.get(oracle));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "makefs --help",
        "makefs -h img dir",
        "makefs img",
        "makefs -Zx img dir",
        "makefs -s=64m img dir",
        "makefs -ofsize=512 img dir",
        "makefs -s 1m -s 2m img dir",
        "makefs -T -1 img dir",
        "makefs -- img dir",
        "makefs @args img dir",
        "makefs --bogus img dir",
        "makefs img dir -s",
        "fsck img dir",
    })
    void leavesTheRestToPicocli(String line) {
        assertThat(MakefsFastPath.parse(line.split(" "))).as(line).isEmpty();
    }
}
