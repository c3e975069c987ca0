package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected dev_t values from pack_dev.c's macros. */
class DeviceFormatsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "netbsd,2,2|0x00000202",
        "netbsd,19,0|0x00001300",
        "netbsd,169,0xfffff|0xfff0a9ff",
        "netbsd,4095,0|0x000fff00",
        "netbsd,0x10,0777|0x001010ff",
        "netbsd,1,0400|0x00100100",
        "native,2,12|0x0000020c",
        "386bsd,1,2|0x00000102", "4bsd,1,2|0x00000102", "isc,1,2|0x00000102", "linux,1,3|0x00000103",
        "sco,1,2|0x00000102", "sunos,1,2|0x00000102", "svr3,1,2|0x00000102", "ultrix,1,2|0x00000102",
        "freebsd,1,0x10002|0x00010102",
        "hpux,1,2|0x01000002",
        "osf1,1,2|0x00100002",
        "solaris,1,2|0x00040002", "svr4,1,2|0x00040002",
        "bsdos,1,2|0x00100002",
        "bsdos,1,2,3|0x00100203",
        "0|0x00000000",
        "514|0x00000202",
        "0x1000400|0x01000400",
        "0777|0x000001ff",
        "4294967295|0xffffffff",
    })
    void formats(String value, String devHex) {
        assertThat(DeviceFormats.parse(value)).isEqualTo(Integer.parseUnsignedInt(devHex.substring(2), 16));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vms,1,2|unknown format `vms'",
        "netbsd,1|not enough arguments",
        "netbsd,1,2,3|too many fields for format",
        "netbsd,1,2,3,4|too many arguments",
        "netbsd,,2|missing number",
        "netbsd,1,|missing number",
        "netbsd,x,2|invalid number `x'",
        "netbsd,4096,0|invalid major number",
        "netbsd,0,0x100000|invalid minor number",
        "linux,256,0|invalid major number",
        "linux,0,256|invalid minor number",
        "bsdos,1,4096,0|invalid unit number",
        "bsdos,1,0,256|invalid subunit number",
        "12a|invalid device `12a'",
        "4294967296|device `4294967296' does not fit a 32-bit dev_t",
        "09|invalid device `09'",
        "0x|invalid device `0x'",
    })
    void errors(String value, String message) {
        assertThatThrownBy(() -> DeviceFormats.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
