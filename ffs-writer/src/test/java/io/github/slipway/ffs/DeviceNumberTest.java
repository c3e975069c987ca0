package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceNumberTest {
    @Test
    void packsLikeNetbsdMakedev() {
        // values from NetBSD MAKEDEV: ld0a = 19,0; wd0i on i386 = 0,524288; tap clone 169,0xfffff
        assertThat(new DeviceNumber(19, 0).encode()).isEqualTo(0x1300);
        assertThat(new DeviceNumber(0, 524288).encode()).isEqualTo(0x80000000);
        assertThat(new DeviceNumber(169, 0xfffff).encode()).isEqualTo(0xfff0a9ff);
        assertThat(new DeviceNumber(2, 2).encode()).isEqualTo(0x202);
        assertThat(new DeviceNumber(3, 300).encode()).isEqualTo(0x0010032c);
    }

    @Test
    void decodeInvertsEncode() {
        for (int maj : new int[] {0, 1, 19, 169, 4095}) {
            for (int min : new int[] {0, 1, 255, 256, 524288, 0xfffff}) {
                DeviceNumber d = new DeviceNumber(maj, min);
                assertThat(DeviceNumber.decode(d.encode())).isEqualTo(d);
            }
        }
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> new DeviceNumber(4096, 0)).hasMessageContaining("4096");
        assertThatThrownBy(() -> new DeviceNumber(0, -1)).hasMessageContaining("-1");
    }

    @Test
    void entryTypeRoundTrips() {
        for (EntryType t : EntryType.values()) {
            assertThat(EntryType.fromMode(t.ifmt() | 0644)).isEqualTo(t);
            assertThat(EntryType.fromMtreeName(t.mtreeName())).isEqualTo(t);
        }
    }
}
