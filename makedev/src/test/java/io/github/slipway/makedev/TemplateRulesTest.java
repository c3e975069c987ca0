package io.github.slipway.makedev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.makedev.internal.ArmTable;
import io.github.slipway.makedev.internal.Majors;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Targets beyond the goldens, checked against the rules of NetBSD's etc/MAKEDEV.tmpl (the arm
 * quoted in each test) and the effective majors of each arch.
 */
class TemplateRulesTest {
    private static final Makedev AMD64 = Makedev.forArch(Arch.AMD64);
    private static final Makedev I386 = Makedev.forArch(Arch.I386);

    private static Map<String, DeviceNode> byPath(Expansion e) {
        return e.nodes().stream().collect(Collectors.toMap(DeviceNode::path, Function.identity(), (a, b) -> b));
    }

    private static String line(Makedev m, String target, String path) {
        DeviceNode n = byPath(m.expand(target)).get(path);
        assertThat(n).as("%s makes %s", target, path).isNotNull();
        return n.specLine();
    }

    @Test
    void wd3FollowsMakediskP16OnAmd64AndP16highOnI386() {
        // amd64 makedisk_p16: unit*16 + part; i386 makedisk_p16high: unit*8 + part, i-p at 524280 + unit*8 + part
        assertThat(AMD64.expand("wd3").nodes()).hasSize(34);
        assertThat(line(AMD64, "wd3", "wd3")).isEqualTo("./wd3 type=block device=netbsd,0,51 mode=640 gid=5 uid=0");
        assertThat(line(AMD64, "wd3", "rwd3p")).isEqualTo("./rwd3p type=char device=netbsd,3,63 mode=640 gid=5 uid=0");
        assertThat(line(I386, "wd3", "wd3")).isEqualTo("./wd3 type=block device=netbsd,0,27 mode=640 gid=5 uid=0");
        assertThat(line(I386, "wd3", "wd3h")).isEqualTo("./wd3h type=block device=netbsd,0,31 mode=640 gid=5 uid=0");
        assertThat(line(I386, "wd3", "wd3i")).isEqualTo("./wd3i type=block device=netbsd,0,524312 mode=640 gid=5 uid=0");
        assertThat(line(I386, "wd3", "rwd3p")).isEqualTo("./rwd3p type=char device=netbsd,3,524319 mode=640 gid=5 uid=0");
    }

    @Test
    void sd7OnBothArches() {
        assertThat(line(AMD64, "sd7", "sd7a")).isEqualTo("./sd7a type=block device=netbsd,4,112 mode=640 gid=5 uid=0");
        assertThat(line(AMD64, "sd7", "rsd7")).isEqualTo("./rsd7 type=char device=netbsd,13,115 mode=640 gid=5 uid=0");
        assertThat(line(I386, "sd7", "sd7a")).isEqualTo("./sd7a type=block device=netbsd,4,56 mode=640 gid=5 uid=0");
        assertThat(line(I386, "sd7", "sd7m")).isEqualTo("./sd7m type=block device=netbsd,4,524348 mode=640 gid=5 uid=0");
    }

    @Test
    void cgdMajorsDifferBetweenArches() {
        assertThat(line(AMD64, "cgd1", "cgd1a")).isEqualTo("./cgd1a type=block device=netbsd,20,16 mode=640 gid=5 uid=0");
        assertThat(line(I386, "cgd1", "rcgd1a")).isEqualTo("./rcgd1a type=char device=netbsd,93,8 mode=640 gid=5 uid=0");
    }

    @Test
    void cd1UsesDiskminoroffset16OnAmd64And8OnI386() {
        // makedisk_minimal: X, rX, Xa, Xd, rXa, rXd at unit*DISKMINOROFFSET (+ RAW_PART 3)
        List<String> amd64 = AMD64.expand("cd1").nodes().stream().map(DeviceNode::specLine).toList();
        assertThat(amd64).containsExactly(
                "./cd1 type=block device=netbsd,6,19 mode=640 gid=5 uid=0",
                "./rcd1 type=char device=netbsd,15,19 mode=640 gid=5 uid=0",
                "./cd1a type=block device=netbsd,6,16 mode=640 gid=5 uid=0",
                "./cd1d type=block device=netbsd,6,19 mode=640 gid=5 uid=0",
                "./rcd1a type=char device=netbsd,15,16 mode=640 gid=5 uid=0",
                "./rcd1d type=char device=netbsd,15,19 mode=640 gid=5 uid=0");
        assertThat(line(I386, "cd1", "cd1a")).isEqualTo("./cd1a type=block device=netbsd,6,8 mode=640 gid=5 uid=0");
        assertThat(line(I386, "cd1", "rcd1d")).isEqualTo("./rcd1d type=char device=netbsd,15,11 mode=640 gid=5 uid=0");
    }

    @Test
    void ttyUMakesDialinDialoutAndCallunitNodesOwnedByUucp() {
        assertThat(AMD64.expand("ttyU3").nodes().stream().map(DeviceNode::specLine)).containsExactly(
                "./ttyU3 type=char device=netbsd,66,3 mode=600 gid=0 uid=66",
                "./dtyU3 type=char device=netbsd,66,524291 mode=600 gid=0 uid=66",
                "./ctyU3 type=char device=netbsd,66,262147 mode=600 gid=0 uid=66");
        assertThat(AMD64.expand("ucom2").nodes().get(0).path()).isEqualTo("ttyU2");
    }

    @Test
    void nvmeNamespaceMinorIsUnitTimes65536PlusNsid() {
        assertThat(AMD64.expand("nvme1ns2").nodes().stream().map(DeviceNode::specLine))
                .containsExactly("./nvme1ns2 type=char device=netbsd,341,65538 mode=600 gid=0 uid=0");
        assertThat(I386.expand("nvme3").nodes().get(0).specLine())
                .isEqualTo("./nvme3 type=char device=netbsd,341,196608 mode=600 gid=0 uid=0");
    }

    @Test
    void badNsidWarnsAndBreaksOutOfTheTargetLoop() {
        // "warn ...; break": the rest of that makedev call's targets are not made
        Expansion e = AMD64.expand("nvme0ns0", "ld0");
        assertThat(e.warnings()).containsExactly("bad nsid for nvme0ns0: 0");
        assertThat(e.nodes()).isEmpty();
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(AMD64.expand("nvme0ns65536").warnings()).containsExactly("bad nsid for nvme0ns65536: 65536");
    }

    @Test
    void tty02IsAComPortBecauseTheZsttyArmIsDropped() {
        assertThat(I386.expand("tty02").nodes().stream().map(DeviceNode::specLine)).containsExactly(
                "./tty02 type=char device=netbsd,8,2 mode=600 gid=0 uid=66",
                "./dty02 type=char device=netbsd,8,524290 mode=600 gid=0 uid=66");
        assertThat(AMD64.expand("tty2").nodes().get(0).path()).isEqualTo("tty02");
    }

    @Test
    void dk12IsAWedgeWithMode0640() {
        assertThat(AMD64.expand("dk12").nodes().stream().map(DeviceNode::specLine)).containsExactly(
                "./rdk12 type=char device=netbsd,168,12 mode=0640 gid=5 uid=0",
                "./dk12 type=block device=netbsd,168,12 mode=0640 gid=5 uid=0");
        assertThat(AMD64.expand("dk12").nodes().get(0).mode()).isEqualTo(0640);
    }

    @Test
    void optyAndIptyMakeBsdPtyPairs() {
        Expansion opty = AMD64.expand("opty");
        assertThat(opty.nodes()).hasSize(32);
        assertThat(opty.nodes().get(0).specLine()).isEqualTo("./ttyp0 type=char device=netbsd,5,0 mode=666 gid=0 uid=0");
        assertThat(opty.nodes().get(31).specLine()).isEqualTo("./ptypf type=char device=netbsd,6,15 mode=666 gid=0 uid=0");
        assertThat(opty.warnings()).isEmpty();
        assertThat(I386.expand("ipty").nodes().stream().map(DeviceNode::path))
                .containsExactly("ttyp0", "ttyp1", "ptyp0", "ptyp1");
    }

    @Test
    void ptyUnitsFollowTheTemplatesNaming() {
        // pty16 => [tp]typg..typv at minor 256; pty6 would be ttyv*, which the console owns
        Expansion p16 = AMD64.expand("pty16");
        assertThat(p16.nodes().get(0).specLine()).isEqualTo("./ttypg type=char device=netbsd,5,256 mode=666 gid=0 uid=0");
        assertThat(p16.nodes()).hasSize(32);
        assertThat(AMD64.expand("pty6").warnings()).containsExactly(
                "pty6: creating BSD style tty nodes with ptyfs is a security issue",
                "pty6: pty unit conflicts with console ttyv0 device");
        assertThat(AMD64.expand("pty64").warnings()).containsExactly(
                "pty64: creating BSD style tty nodes with ptyfs is a security issue",
                "pty64: pty unit must be between 0 and 63");
    }

    @Test
    void initIsAllPlusOpty() {
        assertThat(AMD64.expand("init").unique()).hasSize(2903);
        assertThat(I386.expand("init").unique()).hasSize(2804);
        assertThat(AMD64.expand("all").unique()).hasSize(2871);
        assertThat(I386.expand("all").unique()).hasSize(2776);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void everyDeviceNodeOfAllHasAMajorOfTheArchTable(Arch arch) {
        Majors majors = Majors.of(arch);
        List<DeviceNode> devices = Makedev.forArch(arch).expand("all").nodes().stream()
                .filter(n -> n.type().isDevice()).toList();
        assertThat(devices).hasSizeGreaterThan(2600);
        for (DeviceNode n : devices) {
            Map<String, Integer> table = n.type() == NodeType.CHAR ? majors.charMajors() : majors.blockMajors();
            assertThat(table).as("%s %s major %d", arch, n.path(), n.major()).containsValue(n.major());
        }
    }

    @Test
    void armCountsMatchMakedevAwk() {
        // MAKEDEV.awk on 1.236 keeps 170 and drops 62 arms for i386, 165/67 for amd64 (golden
        // README). The drops match; two kept arms of 1.235/1.236 are missing (see Template).
        ArmTable i386 = ArmTable.of(Arch.I386, false);
        ArmTable amd64 = ArmTable.of(Arch.AMD64, false);
        assertThat(i386.droppedMiArms()).isEqualTo(62);
        assertThat(amd64.droppedMiArms()).isEqualTo(67);
        assertThat(i386.keptMiArms()).isEqualTo(170 - 2);
        assertThat(amd64.keptMiArms()).isEqualTo(165 - 2);
        assertThat(amd64.droppedLabels()).contains("apm", "cmos", "ed[0-9]*", "icp[0-9]*", "dmoverio",
                "tty[0-9]|tty0[0-9]");
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void everyKeptArmRunsWithASampleUnit(Arch arch) {
        // one sample target per pattern alternative: [..] -> its first character, * -> "1"
        Majors majors = Majors.of(arch);
        for (String label : Makedev.forArch(arch).targetPatterns()) {
            for (String p : label.split("\\|")) {
                String target = p.replaceAll("\\[(.)[^]]*\\]", "$1").replace("*", "1");
                Expansion e = Makedev.forArch(arch).expand(target);
                for (DeviceNode n : e.nodes()) {
                    if (n.type().isDevice()) {
                        Map<String, Integer> t = n.type() == NodeType.CHAR ? majors.charMajors() : majors.blockMajors();
                        assertThat(t).as("%s %s -> %s", arch, target, n.path()).containsValue(n.major());
                    }
                }
            }
        }
    }

    @Test
    void unknownTargetsWarnAndTheOthersStillComeOut() {
        Expansion e = I386.expand("std", "bogus", "ld0", "null");
        assertThat(e.nodes()).hasSize(16 + 34);
        assertThat(e.warnings()).containsExactly("bogus: unknown device", "null: unknown device");
        assertThat(e.warningLines("./MAKEDEV")).isEqualTo(
                "./MAKEDEV: bogus: unknown device\n./MAKEDEV: null: unknown device\n");
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(AMD64.expand("apm").warnings()).containsExactly("apm: unknown device");
        assertThat(I386.expand("apm").nodes()).hasSize(2);
        assertThat(AMD64.expand("ramdisk").warnings()).containsExactly("floppy: unknown device");
        assertThat(AMD64.expand("").warnings()).containsExactly(": unknown device");
    }

    @Test
    void i386FloppyAndRamdiskComeFromItsMakedevConf() {
        Expansion e = I386.expand("ramdisk");
        assertThat(e.warnings()).isEmpty();
        assertThat(byPath(e)).containsKeys("ttyv0", "ed1a", "ttypf", "md0", "bpf0");
    }

    @Test
    void unitsThatAreNoNumbersOrDoNotFitDropOnlyTheirTarget() {
        Expansion e = AMD64.expand("wd0x", "ld0", "wd99999");
        assertThat(e.nodes()).hasSize(34);
        assertThat(e.nodes()).allMatch(n -> n.path().startsWith("ld0") || n.path().startsWith("rld0"));
        assertThat(e.warnings()).containsExactly(
                "wd0x: bad unit number '0x'",
                "wd99999: minor 1599987 of wd99999 does not fit NetBSD's 20-bit minor");
        assertThat(AMD64.expand("tun1234567890123").warnings())
                .containsExactly("tun1234567890123: unit number 1234567890123 out of range");
    }

    @Test
    void hdmicecReadsTheStaleUnitOfThePreviousTarget() {
        // the arm assigns "uint" and uses "$unit": alone the minor is the mode, 644
        assertThat(AMD64.expand("hdmicec0").nodes().get(0).specLine())
                .isEqualTo("./hdmicec type=char device=netbsd,340,644 mode=600 gid=0 uid=0");
        assertThat(AMD64.expand("wd3", "hdmicec0").nodes().get(34).specLine())
                .isEqualTo("./hdmicec3 type=char device=netbsd,340,3 mode=644 gid=0 uid=0");
    }

    @Test
    void unitWordsAreReadLikeStrtoul() {
        // "mkdev tun$unit c 40 $unit": MAKEDEV prints 010, mtree reads it as octal 8
        DeviceNode n = AMD64.expand("tun010").nodes().get(0);
        assertThat(n.specLine()).isEqualTo("./tun010 type=char device=netbsd,40,010 mode=600 gid=0 uid=0");
        assertThat(n.minor()).isEqualTo(8);
    }

    @Test
    void virtioIsUnknownByDefaultAndAGroupWhenEnabled() {
        assertThat(AMD64.expand("virtio").warnings()).containsExactly("virtio: unknown device");
        Makedev v = AMD64.withVirtio(true);
        Expansion e = v.expand("virtio");
        assertThat(e.warnings()).isEmpty();
        assertThat(byPath(e)).containsKeys("ld0a", "rld3p", "ttyVI00", "ttyVI30", "vio9p0");
        assertThat(e.nodes()).hasSize(4 * 34 + 4 + 1);
        Expansion all = v.expand("all");
        assertThat(all.warnings()).isEmpty();
        assertThat(all.unique()).hasSize(2871 + 4 + 1);
    }

    @Test
    void fdescMountedSkipsTheNodesFdescProvides() {
        Makedev m = AMD64.withFdescMounted(true);
        assertThat(m.expand("std").nodes()).hasSize(12);
        assertThat(m.expand("fd").nodes()).isEmpty();
        assertThat(byPath(m.expand("std"))).doesNotContainKeys("tty", "stdin", "stdout", "stderr");
    }

    @Test
    void linksAndDirectoriesAreSpelledAsMakedevDoes() {
        Expansion e = AMD64.expand("bpf", "ptm", "mouse-pms0", "midevend");
        assertThat(e.nodes().stream().map(DeviceNode::specLine)).containsExactly(
                "./bpf type=char device=netbsd,23,0 mode=600 gid=0 uid=0",
                "./bpf0 type=link link=bpf mode=0700 gid=0 uid=0",
                "./pts type=dir mode=755 gid=0 uid=0",
                "./ptmx type=char device=netbsd,165,0 mode=666 gid=0 uid=0",
                "./ptm type=char device=netbsd,165,1 mode=666 gid=0 uid=0",
                "./mouse type=link link=pms0 mode=0700 gid=0 uid=0");
        assertThat(e.nodes().get(1).linkTarget()).contains("bpf");
        assertThat(e.nodes().get(1).dev()).isZero();
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void fileSystemSpecIsDeduplicatedUnderTheDirectory() {
        String spec = AMD64.expand("bpf", "bpf", "ptm").fileSystemSpec("dev");
        assertThat(spec).isEqualTo(". type=dir optional\n"
                + "./dev type=dir mode=755 gid=0 uid=0\n"
                + "./dev/bpf type=char device=netbsd,23,0 mode=600 gid=0 uid=0\n"
                + "./dev/bpf0 type=link link=bpf mode=0700 gid=0 uid=0\n"
                + "./dev/pts type=dir mode=755 gid=0 uid=0\n"
                + "./dev/ptmx type=char device=netbsd,165,0 mode=666 gid=0 uid=0\n"
                + "./dev/ptm type=char device=netbsd,165,1 mode=666 gid=0 uid=0\n");
        assertThatThrownBy(() -> AMD64.expand("bpf").fileSystemSpec("/dev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/dev'");
    }

    @Test
    void archNamesParse() {
        assertThat(Arch.parse("I386")).isEqualTo(Arch.I386);
        assertThat(Arch.parse("amd64")).isEqualTo(Arch.AMD64);
        assertThatThrownBy(() -> Arch.parse("sparc64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown arch 'sparc64' (expected i386 or amd64)");
    }
}
