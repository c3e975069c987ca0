package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option checks against makefs' own limits (ffs.c {@code ffs_parse_opts}, ffs/mkfs.c, fs.h
 * MINBSIZE/MAXFRAG, newfs_extern.h FFS_MAXBSIZE).
 *
 * <p>Where slipway differs from Debian's makefs 20190105 for the same values (checked by hand
 * with {@code makefs -t ffs -o ... i.img dir}):
 * <ul>
 * <li>{@code bsize=3}, {@code fsize=3}: makefs dies of SIGFPE (exit 136) with no message;
 * slipway: "not a power of 2".
 * <li>{@code bsize=1024}, {@code bsize=131072}, {@code fsize=16384}, {@code bsize=4096,fsize=256},
 * {@code bsize=65536,fsize=4096}, {@code -S 256 -o fsize=256}: makefs prints mkfs.c's message
 * ("block size 1024 is too small, minimum is 4096", ...) only after "Calculated size", exits
 * 19/18/20/21 and leaves a partial image; slipway refuses before reading the tree, names the
 * option, and writes nothing.
 * <li>{@code -S 3}: makefs fails with "ilog2: 341 is not a power of 2" after writing part of
 * the image; slipway: "-S 3: not a power of 2".
 * <li>{@code -M 2m -m 1m}: makefs says "size of 2097152 is larger than the maxsize of 1048576"
 * after the estimate; slipway refuses the pair up front.
 * <li>{@code minfree=100}, {@code density=0}, {@code maxbpf=0}, {@code -b 100%}: makefs refuses
 * them while parsing, as slipway does (same ranges).
 * </ul>
 */
class MakefsOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s | 4m  | true", "M | 1m | true", "m | 64m | true", "b | 10% | true", "b | 2m | true",
        "f | 100 | true", "f | 5% | true", "b | 0 | false", "f | 0% | false", "T | 0 | false",
        "S | 4096 | false", "o | density=4096 | false",
    })
    void sizeOptionsAreThoseThatConstrainOrPadTheSize(char flag, String value, boolean sized) {
        assertThat(MakefsOptions.builder().flag(flag, value).build().hasSizeOptions()).isEqualTo(sized);
        assertThat(MakefsOptions.defaults().hasSizeOptions()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bsize=3                 | -o bsize=3: not a power of 2",
        "fsize=3                 | -o fsize=3: not a power of 2",
        "bsize=12288             | -o bsize=12288: not a power of 2",
        "bsize=1024              | -o bsize=1024: smaller than the minimum block size 4096",
        "bsize=131072            | -o bsize=131072: larger than the maximum block size 65536",
        "fsize=16384             | -o fsize=16384: larger than the block size 8192 (the default)",
        "bsize=4096,fsize=8192   | -o fsize=8192: larger than the block size 4096",
        "bsize=4096,fsize=256    | -o fsize=256: smaller than the sector size 512",
        "bsize=65536,fsize=4096  | -o fsize=4096: smaller than the block size / 8 = 8192 (-o bsize=65536)",
        "fsize=256               | -o fsize=256: smaller than the sector size 512",
        "bsize=65536             | -o fsize (default 1024): smaller than the block size / 8 = 8192 (-o bsize=65536)",
        "version=2               | -o version=2: slipway writes UFS1 (version 1) only",
        "minfree=100             | -o minfree: 100 is too large (maximum 99)",
        "density=0               | -o density: 0 is too small (minimum 1)",
        "maxbpf=0                | -o maxbpf: 0 is too small (minimum 1)",
        "label=abcdefghijklmnopqrstuvwxyz0123456 | -o label=abcdefghijklmnopqrstuvwxyz0123456: longer than 31 bytes",
    })
    void badFfsOptionsNameTheOption(String opts, String message) {
        assertThatThrownBy(() -> MakefsOptions.builder().flag('o', opts).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "S | 3    | -S 3: not a power of 2",
        "b | 100% | -b: 100 is too large (maximum 99)",
        "f | 100% | -f: 100 is too large (maximum 99)",
        "T | -1   | -T -1: out of UFS1's range 0..2147483647",
    })
    void badFlagsNameTheFlag(char flag, String value, String message) {
        assertThatThrownBy(() -> MakefsOptions.builder().flag(flag, value).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void derivedDefaultsAreCheckedAndNamedAsDefaults() {
        // -S 256 -o fsize=256: makefs' default bsize is min(8192, 8 * fsize) = 2048 < MINBSIZE
        assertThatThrownBy(() -> MakefsOptions.builder().sectorSize(256).fsize(256).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-o bsize (default 2048): smaller than the minimum block size 4096");
        // -S 4096: fsize defaults to the sector size, bsize to 8192
        assertThat(MakefsOptions.builder().sectorSize(4096).build().sectorSize()).isEqualTo(4096);
        assertThatThrownBy(() -> MakefsOptions.builder().sectorSize(4096).fsize(2048).build())
                .hasMessage("-o fsize=2048: smaller than the sector size 4096 (-S)");
    }

    @Test
    void builderSettersRejectLoneBadValuesAtOnce() {
        MakefsOptions.Builder b = MakefsOptions.builder();
        assertThatThrownBy(() -> b.bsize(3)).hasMessage("-o bsize=3: not a power of 2");
        assertThatThrownBy(() -> b.fsize(0)).hasMessage("-o fsize=0: less than 1");
        assertThatThrownBy(() -> b.minfree(100)).hasMessage("-o minfree=100: not in 0..99");
        assertThatThrownBy(() -> b.minfree(-2)).hasMessage("-o minfree=-2: not in 0..99");
        assertThatThrownBy(() -> b.density(0)).hasMessage("-o density=0: less than 1");
        assertThatThrownBy(() -> b.size(-1)).hasMessage("-s -1: negative");
        assertThatThrownBy(() -> b.freeFiles(-1)).hasMessage("-f -1: negative");
        assertThatThrownBy(() -> b.freeBlockPercent(100)).hasMessage("-b 100%: not in 0..99");
        assertThatThrownBy(() -> b.offset(-512)).hasMessage("-O -512: negative");
        assertThatThrownBy(() -> b.sectorSize(0)).hasMessage("-S 0: less than 1");
        // the builder is still usable and its values untouched
        assertThat(b.build()).isEqualTo(MakefsOptions.defaults());
    }

    @Test
    void compactConstructorChecksTooNotOnlyTheBuilder() {
        MakefsOptions d = MakefsOptions.defaults();
        assertThatThrownBy(() -> new MakefsOptions(3, d.fsize(), d.density(), d.minfree(), d.maxbpg(),
                d.avgfilesize(), d.avgfpdir(), d.extent(), d.maxbpcg(), d.version(), d.optimizeSpace(),
                d.label(), d.byteOrder(), d.minSize(), d.maxSize(), d.freeBlocks(), d.freeBlockPercent(),
                d.freeFiles(), d.freeFilePercent(), d.sectorSize(), d.timestamp(), d.clampTime(), d.compat(),
                d.offset(), d.sparse()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-o bsize=3: not a power of 2");
        assertThatThrownBy(() -> new MakefsOptions(d.bsize(), d.fsize(), d.density(), d.minfree(), d.maxbpg(),
                d.avgfilesize(), d.avgfpdir(), d.extent(), d.maxbpcg(), d.version(), d.optimizeSpace(),
                d.label(), d.byteOrder(), -1, d.maxSize(), d.freeBlocks(), d.freeBlockPercent(),
                d.freeFiles(), d.freeFilePercent(), d.sectorSize(), OptionalLong.empty(), d.clampTime(),
                d.compat(), d.offset(), d.sparse()))
                .hasMessage("-M -1: negative");
    }

    @Test
    void minimumAboveMaximumIsRefused() {
        assertThatThrownBy(() -> MakefsOptions.builder().flag('M', "2m").flag('m', "1m").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-M 2097152: larger than -m 1048576");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bsize=4096,fsize=512", "bsize=65536,fsize=8192", "bsize=65536,fsize=65536", "fsize=512",
        "fsize=8192", "bsize=4096", "minfree=0", "minfree=99", "extent=3", "density=1",
    })
    void makefsLimitsThemselvesAreAccepted(String opts) {
        MakefsOptions o = MakefsOptions.builder().flag('o', opts).byteOrder(ByteOrder.BIG_ENDIAN).build();
        assertThat(o.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}
