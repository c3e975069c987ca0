package io.github.slipway.makedev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DevTTest {
    @Test
    void ld0aIsMajor19Minor0() {
        DeviceNode ld0a = Makedev.forArch(Arch.AMD64).expand("ld0").nodes().stream()
                .filter(n -> n.path().equals("ld0a")).findFirst().orElseThrow();
        assertThat(ld0a.type()).isEqualTo(NodeType.BLOCK);
        assertThat(ld0a.major()).isEqualTo(19);
        assertThat(ld0a.minor()).isZero();
        assertThat(ld0a.dev()).isEqualTo(0x1300);
    }

    @Test
    void i386Wd0iUsesTheHighPartitionMinors() {
        DeviceNode wd0i = Makedev.forArch(Arch.I386).expand("wd0").nodes().stream()
                .filter(n -> n.path().equals("wd0i")).findFirst().orElseThrow();
        assertThat(wd0i.major()).isZero();
        assertThat(wd0i.minor()).isEqualTo(524288);
        // minor 0x80000: bits 12..19 of the minor go to dev bits 24..31
        assertThat(wd0i.dev()).isEqualTo(0x80000000);
        assertThat(DevT.minor(wd0i.dev())).isEqualTo(524288);
    }

    @Test
    void tapCloneIsTheLargestMinor() {
        DeviceNode tap = Makedev.forArch(Arch.AMD64).expand("tap").nodes().get(0);
        assertThat(tap.minorText()).isEqualTo("0xfffff");
        assertThat(tap.minor()).isEqualTo(0xfffff);
        assertThat(tap.dev()).isEqualTo(0xfff0a9ff);
        assertThat(DevT.major(tap.dev())).isEqualTo(169);
        assertThat(DevT.minor(tap.dev())).isEqualTo(0xfffff);
    }

    @Test
    void packMatchesTheFormulaOfSysTypesH() {
        assertThat(DevT.pack(0, 0)).isZero();
        assertThat(DevT.pack(3, 16)).isEqualTo(0x0310);
        assertThat(DevT.pack(8, 524288)).isEqualTo(0x80000800);
        assertThat(DevT.pack(0xfff, 0xff)).isEqualTo(0x000fffff);
        assertThat(DevT.pack(341, 65538)).isEqualTo(0x10015502);
    }

    @Test
    void packRoundTripsForRandomNumbers() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int k = 0; k < 10_000; k++) {
            int maj = r.nextInt(DevT.MAX_MAJOR + 1);
            int min = r.nextInt(DevT.MAX_MINOR + 1);
            int dev = DevT.pack(maj, min);
            assertThat(DevT.major(dev)).as("seed %d: major of %d,%d", seed, maj, min).isEqualTo(maj);
            assertThat(DevT.minor(dev)).as("seed %d: minor of %d,%d", seed, maj, min).isEqualTo(min);
        }
    }

    @Test
    void packRejectsNumbersThatDoNotFit() {
        assertThatThrownBy(() -> DevT.pack(4096, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("major 4096 out of range 0..4095");
        assertThatThrownBy(() -> DevT.pack(1, 0x100000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minor 1048576 out of range 0..1048575");
        assertThatThrownBy(() -> DevT.pack(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
