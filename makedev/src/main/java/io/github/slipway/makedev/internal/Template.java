package io.github.slipway.makedev.internal;

import static io.github.slipway.makedev.internal.Shell.CALLUNIT;
import static io.github.slipway.makedev.internal.Shell.DIALIN;
import static io.github.slipway.makedev.internal.Shell.DIALOUT;
import static io.github.slipway.makedev.internal.Shell.GPIO;
import static io.github.slipway.makedev.internal.Shell.KMEM;
import static io.github.slipway.makedev.internal.Shell.NTPD;
import static io.github.slipway.makedev.internal.Shell.NVMM;
import static io.github.slipway.makedev.internal.Shell.OPERATOR;
import static io.github.slipway.makedev.internal.Shell.ROOT;
import static io.github.slipway.makedev.internal.Shell.UUCP;
import static io.github.slipway.makedev.internal.Shell.WHEEL;
import static io.github.slipway.makedev.internal.Shell.cNumber;
import static io.github.slipway.makedev.internal.Shell.strip;

import io.github.slipway.makedev.Arch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NetBSD's {@code etc/MAKEDEV.tmpl} as code: every arm of the {@code case} in the order of the
 * template, with the placeholders it needs, plus the machine-dependent arms of
 * {@code etc/etc.ARCH/MAKEDEV.conf}.
 *
 * <p>Reference: template 1.236 (2025-03-11) as the golden outputs show it. The newest revision
 * readable here is 1.234 (2023-11-06); the goldens show that 1.236 no longer has {@code codel} in
 * the {@code altq} list, and the awk's arm counts (i386 keeps 170 of 232) show two more arms,
 * kept on both x86 ports, that 1.234 lacks (by their new majors probably {@code umcpmio} and
 * {@code emcfan}); their text could not be read, so they are not here and warn "unknown device".
 * The MD parts are amd64 MAKEDEV.conf 1.37 and i386 1.26, reconstructed from the goldens.
 */
final class Template {
    private Template() {
    }

    private static final String[] PARTS = {
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"};
    /** RAW_PART 3 on x86: partition d is the whole disk. */
    private static final int RAW_PART = 3;

    static List<Arm> arms(Arch arch, boolean virtio) {
        List<Arm> a = new ArrayList<>(260);
        if (arch == Arch.AMD64) {
            amd64Conf(a);
        } else {
            i386Conf(a);
        }
        top(a);
        mi(a, virtio);
        // runs "$0.local all" when MAKEDEV.local sits next to the script: slipway has none
        a.add(arm(Arm.Section.END, "local", "", steps()));
        return a;
    }

    // ---------------------------------------------------------------- MAKEDEV.conf (MD)

    private static void amd64Conf(List<Arm> a) {
        // etc/etc.amd64/MAKEDEV.conf 1.37 (2025-03-28)
        a.add(arm(Arm.Section.MD, "all_md", "", op(1)));
        a.add(arm(Arm.Section.MD, "xen", "", steps(call("xenevt", "xencons", "xsd_kva"))));
    }

    private static void i386Conf(List<Arm> a) {
        // etc/etc.i386/MAKEDEV.conf 1.26 (2018)
        a.add(arm(Arm.Section.MD, "all_md", "", op(3)));
        a.add(arm(Arm.Section.MD, "xen", "", steps(call("xenevt", "xencons", "xsd_kva"))));
        a.add(arm(Arm.Section.MD, "floppy", "", op(5)));
        a.add(arm(Arm.Section.MD, "ramdisk", "", steps(call("floppy", "md0"))));
    }

    // ---------------------------------------------------------------- all, init

    private static void top(List<Arm> a) {
        a.add(arm(Arm.Section.TOP, "all", "", steps(
                call("all_md"),
                call("std", "fd", "ptm"),
                call(units("dk", 0, 31)),
                call(units("ccd", 0, 3)),
                call(units("cgd", 0, 7)),
                call(units("fss", 0, 3)),
                call("md0", "md1"),
                call(units("raid", 0, 7)),
                call(units("vnd", 0, 3)),
                call("iscsi0"),
                call("bpf", "npf"),
                call(units("tun", 0, 3)),
                call("ipl", "pf", "crypto", "random"),
                call("lockstat", "clockctl", "cpuctl"),
                call(units("atabus", 0, 7)),
                call(units("srt", 0, 3)),
                call(cat(new String[] {"tap"}, units("tap", 0, 3))),
                call(cat(new String[] {"gpio"}, units("gpio", 0, 7))),
                call("gpioirq0", "gpiopps0"),
                call(cat(new String[] {"pad"}, units("pad", 0, 3))),
                call("bthub"),
                call("putter"),
                call("drvctl"),
                call("video"),
                call("dtv"),
                call(units("drm", 0, 3)),
                call("altmem"),
                call("zfs"),
                call("lua"),
                call("hdmicec0"),
                call("dtrace"),
                call("veriexec"),
                call("autofs"),
                call(units("fw", 0, 3)),
                call("ipmi0"),
                call("qemufwcfg"),
                call("sht3xtemp0"),
                call("scmd0"),
                call("local"))));
        // unless overridden by MD entry, this is equal to 'all'
        a.add(arm(Arm.Section.TOP, "init", "", steps(call("all", "opty"))));
    }

    // ---------------------------------------------------------------- MI arms

    private static void mi(List<Arm> a, boolean virtio) {
        Arm.Section s = Arm.Section.MI;
        a.add(arm(s, "audio", "", steps(
                call(units("audio", 0, 3)),
                call(units("hdaudio", 0, 3)),
                link("sound0", "sound"),
                link("audio0", "audio"),
                link("mixer0", "mixer"),
                link("audioctl0", "audioctl"))));
        a.add(arm(s, "gpio", "", steps(
                call(units("gpio", 0, 7)),
                link("gpio0", "gpio"))));
        a.add(arm(s, "gpioirq", "", steps(call("gpioirq0"))));
        a.add(arm(s, "gpiopps", "", steps(
                call("gpiopps0"),
                link("gpiopps0", "gpiopps"))));
        a.add(arm(s, "lua", "", steps(
                call("lua0"),
                link("lua0", "lua"))));
        a.add(arm(s, "pad", "", steps(
                call(units("pad", 0, 3)),
                link("pad0", "pad"))));
        a.add(arm(s, "qemufwcfg", "", steps(
                call("qemufwcfg0"),
                link("qemufwcfg0", "qemufwcfg"))));
        a.add(arm(s, "radio", "", steps(
                call("radio0", "radio1"),
                link("radio0", "radio"))));
        a.add(arm(s, "video", "", steps(call(units("video", 0, 3)))));
        a.add(arm(s, "dtv", "", steps(call(units("dtv", 0, 3)))));
        a.add(arm(s, "iic", "", steps(call(units("iic", 0, 3)))));
        a.add(arm(s, "altmem", "", steps(call("altmem0", "altmem1"))));
        a.add(arm(s, "ramdisk", "", steps(call("floppy", "md0"))));
        a.add(arm(s, "sht3xtemp", "", steps(call("sht3xtemp0"))));
        a.add(arm(s, "scmd", "", steps(call("scmd0"))));
        a.add(arm(s, "usbs", "", steps(
                call(cat(new String[] {"usb"}, units("usb", 0, 15))),
                call(units("uhid", 0, 15)),
                call("ulpt0", "ulpt1"),
                call(units("ttyU", 0, 7)),
                call("ttyY0", "ttyY1"),
                call("ttyHS0"),
                call("utoppy0", "utoppy1"),
                call(units("ugen", 0, 3)))));
        a.add(arm(s, "std", "cons_chr swap_chr mem_chr log_chr ksyms_chr rnd_chr ctty_chr filedesc_chr",
                op(25)));
        a.add(arm(s, "usb", "usb_chr", op(26)));
        a.add(unitArm(s, "usb", "600"));
        a.add(unitArm(s, "uhid", "666"));
        a.add(arm(s, "ulpt[0-9]*", "ulpt_chr", op(27)));
        a.add(unitArm(s, "utoppy", "600"));
        a.add(arm(s, "ttyHS[0-9]*", "uhso_chr", op(28)));
        a.add(serial3(s, "ttyY", "ucycom"));
        a.add(arm(s, "ucom[0-9]*", "", op(29)));
        a.add(serial3(s, "ttyU", "ucom"));
        a.add(arm(s, "ugen[0-9]*", "ugen_chr", op(30)));
        a.add(arm(s, "wscons", "", steps(
                call(units("ttyE", 0, 7)),
                call(units("ttyF", 0, 7)),
                call(units("ttyG", 0, 7)),
                call(units("ttyH", 0, 7)),
                call(units("wsmouse", 0, 3)),
                call(units("wskbd", 0, 3)),
                call(units("wsmux", 0, 3)),
                call("wsmouse", "wskbd"),
                call("ttyEcfg", "ttyEstat"),
                call("ttyFcfg", "ttyFstat"),
                call("ttyGcfg", "ttyGstat"),
                call("ttyHcfg", "ttyHstat"),
                call("wsfont"))));
        a.add(arm(s, "wsmouse", "wsmux_chr", op(32)));
        a.add(arm(s, "wskbd", "wsmux_chr", op(33)));
        a.add(arm(s, "wsmux[0-9]*", "wsmux_chr", op(34)));
        a.add(arm(s, "xenevt", "xenevt_chr", op(35)));
        a.add(arm(s, "xsd_kva", "xenevt_chr", op(36)));
        a.add(arm(s, "xencons", "xencons_chr", op(37)));
        wsdisplay(a, s, "E", 0);
        wsdisplay(a, s, "F", 256);
        wsdisplay(a, s, "G", 512);
        wsdisplay(a, s, "H", 768);
        a.add(unitArm(s, "wsmouse", "600"));
        a.add(unitArm(s, "wskbd", "600"));
        a.add(arm(s, "fd", "filedesc_chr", op(38)));
        a.add(arm(s, "wt[0-9]*", "wt_chr wt_blk", op(39)));
        a.add(arm(s, "md[0-9]*", "md_blk md_chr", op(40)));
        a.add(arm(s, "fss[0-9]*", "fss_blk fss_chr", op(41)));
        a.add(arm(s, "ss[0-9]*", "ss_chr", op(42)));
        a.add(arm(s, "ccd[0-9]*|cgd[0-9]*|raid[0-9]*|vnd[0-9]*",
                "ccd_blk ccd_chr cgd_blk cgd_chr raid_blk raid_chr vnd_blk vnd_chr", op(43)));
        a.add(diskArm(s, "sd"));
        a.add(diskArm(s, "ace"));
        a.add(diskArm(s, "eflash"));
        a.add(diskArm(s, "wd"));
        a.add(diskArm(s, "fd"));
        a.add(diskArm(s, "ld"));
        a.add(flashArm(s, "flash"));
        a.add(flashArm(s, "spiflash"));
        a.add(diskArm(s, "altmem"));
        a.add(arm(s, "bio", "bio_chr", op(44)));
        a.add(diskArm(s, "ed"));
        a.add(diskArm(s, "ofdisk"));
        a.add(diskArm(s, "xbd"));
        a.add(arm(s, "dk[0-9]*", "dk_blk dk_chr", op(45)));
        a.add(arm(s, "tprof", "tprof_chr", op(46)));
        a.add(cyclades(s, "ttyCY", "cy", 32, 3));
        a.add(cyclades(s, "ttyCZ", "cz", 64, 4));
        a.add(other(s, "tty[0-9]|tty0[0-9]", "zstty_chr"));
        a.add(arm(s, "tty[0-9]*", "com_chr", op(47)));
        a.add(arm(s, "ttyC[0-9]*", "com_chr", op(48)));
        a.add(other(s, "ttyh[0-9]*", "sabtty_chr"));
        a.add(other(s, "ttyTX[0-9]*", "txcom_chr"));
        a.add(other(s, "ttyZ[0-9]*", "zstty_chr"));
        a.add(arm(s, "opty", "pts_chr ptc_chr", op(49)));
        a.add(arm(s, "pty[0-9]*", "pts_chr ptc_chr", op(50)));
        a.add(other(s, "stic[0-9]*", "stic_chr"));
        a.add(arm(s, "st[0-9]*", "st_chr st_blk", op(51)));
        a.add(arm(s, "ses[0-9]*|ch[0-9]*|uk[0-9]*", "ch_chr uk_chr ses_chr", op(52)));
        a.add(arm(s, "cd[0-9]*", "cd_blk cd_chr", op(53)));
        a.add(arm(s, "mcd[0-9]*", "mcd_blk mcd_chr", op(54)));
        a.add(other(s, "gdrom[0-9]*", "gdrom_blk gdrom_chr"));
        a.add(arm(s, "lpt[0-9]*|lpa[0-9]*", "lpt_chr", op(55)));
        a.add(arm(s, "bpf", "bpf_chr", op(56)));
        a.add(single(s, "npf", "npf", 0, "600"));
        a.add(single(s, "bthub", "bthub", 0, "600"));
        a.add(unitArm(s, "tun", "600"));
        a.add(unitArm(s, "joy", "600"));
        a.add(arm(s, "ipl", "ipl_chr", op(57)));
        a.add(single(s, "pf", "pf", 0, "600"));
        a.add(single(s, "crypto", "crypto", 0, "666"));
        a.add(single(s, "cmos", "cmos", 0, "644"));
        a.add(single(s, "speaker", "spkr", 0, "600"));
        a.add(single(s, "lockstat", "lockstat", 0, "600"));
        a.add(single(s, "cpuctl", "cpuctl", 0, "666"));
        a.add(arm(s, "audio|audio[0-9]*", "audio_chr", op(58)));
        a.add(unitArm(s, "hdaudio", "644"));
        a.add(arm(s, "hdmicec[0-9]*", "hdmicec_chr", op(59)));
        a.add(unitArm(s, "gpio", "664", GPIO));
        a.add(unitArm(s, "gpioirq", "444", GPIO));
        a.add(unitArm(s, "gpiopps", "664", GPIO));
        a.add(unitArm(s, "lua", "664"));
        a.add(arm(s, "rmidi[0-9]*", "midi_chr", op(60)));
        a.add(arm(s, "music|music[0-9]*", "sequencer_chr", op(61)));
        a.add(optionalUnitArm(s, "radio", "666"));
        a.add(optionalUnitArm(s, "video", "666"));
        a.add(arm(s, "dtv[0-9]*", "dtv_chr", op(62)));
        a.add(unitArm(s, "iic", "600"));
        a.add(unitArm(s, "spi", "600"));
        a.add(unitArm(s, "amr", "600"));
        a.add(arm(s, "apm", "apm_chr", op(63)));
        a.add(other(s, "apm", "apmdev_chr"));
        a.add(arm(s, "random", "rnd_chr", op(64)));
        a.add(arm(s, "cfs", "", steps(call("cfs0"))));
        a.add(unitArm(s, "cfs", "vcoda", "600", WHEEL));
        a.add(arm(s, "sysmon", "sysmon_chr", op(66)));
        a.add(unitArm(s, "scsibus", "644"));
        a.add(arm(s, "bktr", "", steps(
                call("bktr0", "bktr1"),
                link("bktr0", "bktr"),
                link("tuner0", "tuner"),
                link("vbi0", "vbi"))));
        a.add(arm(s, "bktr[0-9]*", "bktr_chr", op(68)));
        a.add(arm(s, "io", "mem_chr", op(69)));
        for (String d : new String[] {"iop", "mfi", "mlx", "mly", "twa", "twe", "icp"}) {
            a.add(unitArm(s, d, "600"));
        }
        a.add(arm(s, "agp[0-9]*", "agp_chr", op(70)));
        a.add(unitArm(s, "pci", "640"));
        a.add(unitArm(s, "dpti", "600"));
        a.add(unitArm(s, "dpt", "600"));
        a.add(arm(s, "altq", "altq_chr", op(71)));
        a.add(single(s, "wsfont", "wsfont", 0, "644"));
        a.add(unitArm(s, "cir", "666"));
        a.add(unitArm(s, "irframe", "600"));
        a.add(other(s, "fcom[0-9]*", "fcom_chr"));
        a.add(other(s, "openfirm", "openfirm_chr"));
        a.add(unitArm(s, "pad", "444"));
        a.add(unitArm(s, "qemufwcfg", "660"));
        a.add(unitArm(s, "vio9p", "660"));
        a.add(single(s, "fault", "fault", 0, "600"));
        a.add(other(s, "nvram", "nvram_chr"));
        a.add(other(s, "rtc", "rtc_chr"));
        a.add(arm(s, "clockctl", "clockctl_chr",
                op(72)));
        a.add(single(s, "kttcp", "kttcp", 0, "600"));
        a.add(single(s, "dmoverio", "dmoverio", 0, "644"));
        a.add(single(s, "veriexec", "veriexec", 0, "600"));
        a.add(arm(s, "vhci[0-7]*", "vhci_chr", op(73)));
        a.add(unitArm(s, "ttyv", "pc", "600", WHEEL));
        a.add(other(s, "ttyv[0-9]*", "physcon_chr"));
        a.add(other(s, "arcpp[0-9]*", "arcpp_chr"));
        a.add(other(s, "par[0-9]*", "par_chr"));
        a.add(other(s, "cpi[0-9]*", "cpi_chr"));
        a.add(other(s, "ite[0-9]*|ttye[0-9]*", "ite_chr"));
        a.add(other(s, "pms[0-9]*", "opms_chr"));
        a.add(other(s, "qms[0-9]*", "qms_chr"));
        a.add(other(s, "lms[0-9]*", "lms_chr"));
        a.add(other(s, "mms[0-9]*", "mms_chr"));
        a.add(arm(s, "mouse-pms[0-9]*|mouse-qms[0-9]*", "", op(74)));
        a.add(other(s, "kbd", "kbd_chr"));
        a.add(other(s, "kbdctl", "kbd_chr"));
        a.add(other(s, "vidcconsole0", "vidcconsole_chr"));
        a.add(other(s, "view[0-9]*", "view_chr"));
        a.add(other(s, "mouse[0-9]*", "ms_chr"));
        a.add(other(s, "panel", "panel_chr"));
        a.add(other(s, "tslcd", "tslcd_chr"));
        a.add(arm(s, "ipty", "pts_chr ptc_chr", op(75)));
        a.add(arm(s, "ptm", "ptm_chr", op(76)));
        a.add(other(s, "grf[0-9]*", "grf_chr"));
        a.add(other(s, "etvme", "et_chr"));
        a.add(other(s, "leo[0-9]*", "leo_chr"));
        a.add(other(s, "scif[0-9]*", "scif_chr"));
        a.add(other(s, "sci[0-9]*", "sci_chr"));
        a.add(other(s, "maple[ABCD]|maple[ABCD][0-9]*", "maple_chr"));
        a.add(other(s, "mmem[0-9]*", "mmem_blk mmem_chr"));
        a.add(other(s, "mlcd[0-9]*", "mlcd_chr"));
        a.add(other(s, "ixpcom[0-9]*", "ixpcom_chr"));
        a.add(other(s, "epcom[0-9]*", "epcom_chr"));
        a.add(other(s, "plcom[0-9]*", "plcom_chr"));
        a.add(other(s, "wmcom[0-9]*", "wmcom_chr"));
        a.add(other(s, "ucbsnd", "ucbsnd_chr"));
        a.add(other(s, "adb", "aed_chr"));
        a.add(other(s, "asc[0-9]*", "asc_chr"));
        for (String fb : new String[] {"bwtwo", "cgtwo", "cgthree", "cgfour", "cgsix", "cgeight", "tcx"}) {
            a.add(other(s, fb + "[0-9]*", fb + "_chr"));
        }
        a.add(other(s, "xd[0-9]*|xy[0-9]*", "xd_blk xd_chr xy_blk xy_chr"));
        a.add(other(s, "magma[0-9]*", "mtty_chr mbpp_chr"));
        a.add(other(s, "clcd[0-9]*", "clcd_chr"));
        a.add(other(s, "spif[0-9]*", "stty_chr sbpp_chr"));
        a.add(other(s, "bpp|bpp[0-9]*", "bpp_chr"));
        a.add(other(s, "tctrl[0-9]*", "tctrl_chr"));
        a.add(other(s, "bmd[0-9]*", "bmd_blk bmd_chr"));
        a.add(other(s, "sram", "sram_chr"));
        a.add(other(s, "ttyS[0-9]*", "sacom_chr"));
        a.add(unitArm(s, "atabus", "644"));
        a.add(arm(s, "drm[0-9]*", "drm_chr", op(77)));
        a.add(single(s, "drvctl", "drvctl", 0, "644"));
        a.add(single(s, "isv", "isv", 0, "644"));
        a.add(arm(s, "tap|tap[0-9]*", "tap_chr", op(78)));
        a.add(unitArm(s, "srt", "600"));
        a.add(single(s, "tpm", "tpm", 0, "600"));
        a.add(arm(s, "dtrace", "dtrace_chr", op(79)));
        a.add(arm(s, "fw[0-9]*", "fw_chr", op(80)));
        a.add(arm(s, "putter", "putter_chr", op(81)));
        a.add(arm(s, "zfs", "zfs_chr", op(82)));
        a.add(unitArm(s, "iscsi", "600"));
        a.add(other(s, "vchiq", "vchiq_chr"));
        a.add(arm(s, "nvme[0-9]*ns[0-9]*", "nvme_chr", op(83)));
        a.add(arm(s, "nvme[0-9]*", "nvme_chr", op(84)));
        a.add(arm(s, "nvmm", "nvmm_chr", op(85)));
        a.add(single(s, "autofs", "autofs", 0, "600"));
        a.add(single(s, "kcov", "kcov", 0, "600"));
        a.add(unitArm(s, "ipmi", "600"));
        a.add(arm(s, "xmm[0-9]", "wwanc_chr", op(86)));
        a.add(single(s, "acpi", "acpi", 0, "600"));
        a.add(single(s, "smbios", "smbios", 0, "600"));
        a.add(single(s, "efi", "efi", 0, "660"));
        a.add(unitArm(s, "sht3xtemp", "664"));
        a.add(unitArm(s, "scmd", "666"));
        a.add(arm(s, "ttyVI[0-9][0-9]", "viocon_chr", op(87)));
        a.add(arm(s, "ttyVI", "", steps(call("ttyVI00", "ttyVI10", "ttyVI20", "ttyVI30"))));
        if (virtio) {
            // slipway's own: template 1.236 has no virtio target (see Makedev#withVirtio)
            a.add(arm(s, "virtio", "", steps(call("ld0", "ld1", "ld2", "ld3", "ttyVI", "vio9p0"))));
        }
        a.add(arm(s, "midevend", "", op(90)));
    }

    /** A step of a group arm: {@code makedev TARGETS...} or {@code lndev SRC TARGET}. */
    private static final class Step {
        private final boolean link;
        private final String[] args;

        Step(boolean link, String[] args) {
            this.link = link;
            this.args = args;
        }
    }

    private static Step call(String... targets) {
        return new Step(false, targets);
    }

    private static Step link(String src, String target) {
        return new Step(true, new String[] {src, target});
    }

    /**
     * A group arm as data: its {@code makedev} calls (kept apart, since a {@code break} inside one
     * call ends only that call) and {@code lndev}s, in template order.
     */
    private static Arm.Body steps(Step... steps) {
        return new Steps(steps);
    }

    private static final class Steps implements Arm.Body {
        private final Step[] steps;

        Steps(Step[] steps) {
            this.steps = steps;
        }

        @Override
        public void run(Shell sh, String i) {
            for (Step st : steps) {
                if (st.link) {
                    sh.lndev(st.args[0], st.args[1]);
                } else {
                    sh.makedev(st.args);
                }
            }
        }
    }

    /** An arm body of this class, run through {@link #run(int, Shell, String)}. */
    private static Arm.Body op(int op) {
        return new Op(op);
    }

    /** One class for all plain arm bodies: a fresh JVM then loads one class, not a hundred. */
    private static final class Op implements Arm.Body {
        private final int op;

        Op(int op) {
            this.op = op;
        }

        @Override
        public void run(Shell sh, String i) {
            Template.run(op, sh, i);
        }
    }

    @SuppressWarnings("checkstyle:MethodLength")
    private static void run(int op, Shell sh, String i) {
        switch (op) {
            case 1: { // all_md)
                sh.makedev("std", "wscons", "wt0", "fd0", "fd1");
                sh.makedev(units("wd", 0, 7));
                sh.makedev(units("sd", 0, 7));
                sh.makedev(units("flash", 0, 7));
                sh.makedev("tty0", "tty1", "tty2", "tty3");
                sh.makedev("st0", "st1", "ch0", "cd0", "cd1", "mcd0", "vnd0");
                sh.makedev("bpf");
                sh.makedev("ccd0", "md0", "random");
                sh.makedev("cgd0", "cgd1");
                sh.makedev("amr0", "iop0", "mfi0", "mlx0", "mly0", "dpti0", "dpt0", "twe0");
                for (int n = 0; n < 8; n++) {
                    sh.makedev("nvme" + n, "nvme" + n + "ns1", "nvme" + n + "ns2", "nvme" + n + "ns3",
                            "nvme" + n + "ns4");
                }
                sh.makedev("raid0", "raid1", "raid2", "raid3");
                sh.makedev(units("ld", 0, 7));
                sh.makedev("xbd0", "xbd1", "xbd2", "xbd3", "xen");
                sh.makedev("usbs");
                sh.makedev("local");
                sh.makedev("cfs");
                sh.makedev("lpa0", "lpa1", "lpa2");
                sh.makedev("lpt0", "lpt1", "lpt2");
                sh.makedev("ss0", "uk0", "uk1");
                sh.makedev("speaker", "joy0", "joy1");
                sh.makedev("audio");
                sh.makedev("radio");
                sh.makedev(cat(new String[] {"music"}, units("rmidi", 0, 7)));
                sh.makedev(units("scsibus", 0, 3));
                sh.makedev(units("ses", 0, 3));
                sh.makedev("sysmon");
                sh.makedev("bktr");
                sh.makedev("tprof");
                sh.makedev("nvmm");
                sh.makedev("ttyCZ0", "ttyCY0");
                sh.makedev("agp0");
                sh.makedev(units("pci", 0, 19));
                sh.makedev("altq");
                sh.makedev("cir0", "cir1", "irframe0", "irframe1");
                sh.makedev("kttcp");
                sh.makedev("bio");
                sh.makedev("xmm0");
                sh.makedev("acpi", "smbios", "efi");
                sh.makedev("virtio");
                return;
            }
            case 3: { // all_md)
                sh.makedev("std", "wscons", "wt0", "fd0", "fd1");
                sh.makedev(units("wd", 0, 7));
                sh.makedev(units("sd", 0, 7));
                sh.makedev(units("flash", 0, 7));
                sh.makedev("tty0", "tty1", "tty2", "tty3");
                sh.makedev("st0", "st1", "ch0", "cd0", "cd1", "mcd0", "vnd0");
                sh.makedev("bpf");
                sh.makedev("ccd0", "md0", "random");
                sh.makedev("cgd0", "cgd1");
                sh.makedev("amr0", "iop0", "mfi0", "mlx0", "mly0", "dpti0", "dpt0", "twe0", "icp0");
                sh.makedev("ed0", "ed1");
                for (int n = 0; n < 4; n++) {
                    sh.makedev("nvme" + n, "nvme" + n + "ns1", "nvme" + n + "ns2", "nvme" + n + "ns3",
                            "nvme" + n + "ns4");
                }
                sh.makedev("raid0", "raid1", "raid2", "raid3");
                sh.makedev("ld0", "ld1", "ld2", "ld3");
                sh.makedev("xbd0", "xbd1", "xbd2", "xbd3", "xen");
                sh.makedev("usbs");
                sh.makedev("ipty");
                sh.makedev("local");
                sh.makedev("lpa0", "lpa1", "lpa2");
                sh.makedev("lpt0", "lpt1", "lpt2");
                sh.makedev("ss0", "uk0", "uk1");
                sh.makedev("speaker", "joy0", "joy1");
                sh.makedev("apm", "satlink0");
                sh.makedev("cmos");
                sh.makedev("audio");
                sh.makedev("radio");
                sh.makedev(cat(new String[] {"music"}, units("rmidi", 0, 7)));
                sh.makedev(units("scsibus", 0, 3));
                sh.makedev(units("ses", 0, 3));
                sh.makedev("sysmon");
                sh.makedev("bktr");
                sh.makedev("ttyCZ0", "ttyCY0");
                sh.makedev("agp0");
                sh.makedev(units("pci", 0, 11));
                sh.makedev("altq");
                sh.makedev("cir0", "cir1", "irframe0", "irframe1");
                sh.makedev("dmoverio");
                sh.makedev("kttcp");
                sh.makedev("nsmb");
                sh.makedev("io");
                sh.makedev("bio");
                sh.makedev("cfs");
                return;
            }
            case 5: { // floppy)
                sh.makedev("std", "bpf", "wt0", "fd0", "fd1", "wd0", "wd1", "wd2", "wd3", "sd0", "sd1", "sd2",
                        "sd3", "sd4", "st0", "st1");
                sh.makedev("tty0", "tty1", "tty2", "cd0", "cd1", "mcd0", "ttyv0", "opty", "ld0", "ld1", "ld2",
                        "ld3", "ed0", "ed1");
                return;
            }
            case 25: { // std)
                int cons = sh.chr("cons");
                int mem = sh.chr("mem");
                sh.mkdev("console", 'c', cons, 0, "600");
                sh.mkdev("constty", 'c', cons, 1, "600");
                sh.mkdev("drum", 'c', sh.chr("swap"), 0, "640", KMEM);
                sh.mkdev("kmem", 'c', mem, 1, "640", KMEM);
                sh.mkdev("mem", 'c', mem, 0, "640", KMEM);
                sh.mkdev("null", 'c', mem, 2, "666");
                sh.mkdev("full", 'c', mem, 11, "666");
                sh.mkdev("zero", 'c', mem, 12, "666");
                sh.mkdev("klog", 'c', sh.chr("log"), 0, "600");
                sh.mkdev("ksyms", 'c', sh.chr("ksyms"), 0, "440", KMEM);
                sh.mkdev("random", 'c', sh.chr("rnd"), 0, "444");
                sh.mkdev("urandom", 'c', sh.chr("rnd"), 1, "644");
                if (!sh.fdescMounted()) {
                    sh.mkdev("tty", 'c', sh.chr("ctty"), 0, "666");
                    sh.mkdev("stdin", 'c', sh.chr("filedesc"), 0, "666");
                    sh.mkdev("stdout", 'c', sh.chr("filedesc"), 1, "666");
                    sh.mkdev("stderr", 'c', sh.chr("filedesc"), 2, "666");
                }
                return;
            }
            case 26: { // usb)
                sh.mkdev("usb", 'c', sh.chr("usb"), 255, "444");
                return;
            }
            case 27: { // ulpt[0-9]*)
                sh.unit = strip(i, "ulpt");
                sh.mkdevWord("ulpt" + sh.unit, 'c', sh.chr("ulpt"), sh.unit);
                sh.mkdev("ulpn" + sh.unit, 'c', sh.chr("ulpt"), cNumber(sh.unit) + 64);
                return;
            }
            case 28: { // ttyHS[0-9]*)
                sh.unit = strip(i, "ttyHS");
                int chr = sh.chr("uhso");
                for (int j = 0; j <= 10; j++) {
                    String jj = two(j);
                    long base = cNumber(sh.unit) * 16 + j;
                    sh.mkdev("ttyHS" + sh.unit + "." + jj, 'c', chr, base + DIALIN, "600", WHEEL, UUCP);
                    sh.mkdev("dtyHS" + sh.unit + "." + jj, 'c', chr, base + DIALOUT, "600", WHEEL, UUCP);
                    sh.mkdev("ctyHS" + sh.unit + "." + jj, 'c', chr, base + CALLUNIT, "600", WHEEL, UUCP);
                }
                return;
            }
            case 30: { // ugen[0-9]*)
                sh.unit = strip(i, "ugen");
                for (int j = 0; j < 16; j++) {
                    sh.mkdev("ugen" + sh.unit + "." + two(j), 'c', sh.chr("ugen"), cNumber(sh.unit) * 16 + j);
                }
                return;
            }
            case 32: { // wsmouse)
                sh.mkdev("wsmouse", 'c', sh.chr("wsmux"), 0);
                return;
            }
            case 33: { // wskbd)
                sh.mkdev("wskbd", 'c', sh.chr("wsmux"), 1);
                return;
            }
            case 34: { // wsmux[0-9]*)
                sh.unit = strip(i, "wsmux");
                sh.mkdevWord("wsmux" + sh.unit, 'c', sh.chr("wsmux"), sh.unit);
                sh.mkdev("wsmuxctl" + sh.unit, 'c', sh.chr("wsmux"), cNumber(sh.unit) + 128, "200");
                return;
            }
            case 35: { // xenevt)
                sh.mkdev("xenevt", 'c', sh.chr("xenevt"), 0);
                return;
            }
            case 36: { // xsd_kva)
                sh.mkdev("xsd_kva", 'c', sh.chr("xenevt"), 1);
                return;
            }
            case 37: { // xencons)
                sh.mkdev("xencons", 'c', sh.chr("xencons"), 0);
                return;
            }
            case 38: { // fd)
                if (!sh.fdescMounted()) {
                    sh.makedir("fd", "755");
                    for (int n = 0; n < 64; n++) {
                        sh.mkdev("fd/" + n, 'c', sh.chr("filedesc"), n, "666");
                    }
                }
                return;
            }
            case 39: { // wt[0-9]*)
                sh.unit = strip(i, "wt");
                long u = cNumber(sh.unit);
                String[] subs = {sh.unit, Long.toString(u + 8), Long.toString(u + 16)};
                for (String sub : subs) {
                    long n = cNumber(sub);
                    sh.mkdev("wt" + sub, 'b', sh.blk("wt"), n, "660", OPERATOR);
                    sh.mkdev("nwt" + sub, 'b', sh.blk("wt"), n + 4, "660", OPERATOR);
                    sh.mkdev("rwt" + sub, 'c', sh.chr("wt"), n, "660", OPERATOR);
                    sh.mkdev("nrwt" + sub, 'c', sh.chr("wt"), n + 4, "660", OPERATOR);
                }
                return;
            }
            case 40: { // md[0-9]*)
                diskMinimal(sh, "md", strip(i, "md"));
                return;
            }
            case 41: { // fss[0-9]*)
                sh.unit = strip(i, "fss");
                sh.mkdevWord("fss" + sh.unit, 'b', sh.blk("fss"), sh.unit, "660", OPERATOR, ROOT);
                sh.mkdevWord("rfss" + sh.unit, 'c', sh.chr("fss"), sh.unit, "660", OPERATOR, ROOT);
                return;
            }
            case 42: { // ss[0-9]*)
                sh.unit = strip(i, "ss");
                long u = cNumber(sh.unit) * 16;
                sh.mkdev("ss" + sh.unit, 'c', sh.chr("ss"), u, "640", OPERATOR);
                sh.mkdev("nss" + sh.unit, 'c', sh.chr("ss"), u + 1, "640", OPERATOR);
                sh.mkdev("enss" + sh.unit, 'c', sh.chr("ss"), u + 3, "640", OPERATOR);
                return;
            }
            case 43: { // ccd[0-9]*|cgd[0-9]*|raid[0-9]*|vnd[0-9]*)
                String name = i.startsWith("ccd") ? "ccd" : i.startsWith("cgd") ? "cgd"
                        : i.startsWith("raid") ? "raid" : "vnd";
                sh.unit = strip(i, name);
                disk(sh, name, sh.unit);
                return;
            }
            case 44: { // bio)
                sh.mkdev("bio", 'c', sh.chr("bio"), 0);
                return;
            }
            case 45: { // dk[0-9]*)
                sh.unit = strip(i, "dk");
                sh.mkdevWord("rdk" + sh.unit, 'c', sh.chr("dk"), sh.unit, "0640", OPERATOR, ROOT);
                sh.mkdevWord("dk" + sh.unit, 'b', sh.blk("dk"), sh.unit, "0640", OPERATOR, ROOT);
                return;
            }
            case 46: { // tprof)
                sh.mkdev("tprof", 'c', sh.chr("tprof"), 0);
                return;
            }
            case 47: { // tty[0-9]*)
                sh.unit = strip(i, "tty");
                String ounit = "00" + sh.unit;
                ounit = ounit.substring(ounit.length() - 2);
                long u = cNumber(sh.unit);
                sh.mkdev("tty" + ounit, 'c', sh.chr("com"), u + DIALIN, "600", WHEEL, UUCP);
                sh.mkdev("dty" + ounit, 'c', sh.chr("com"), u + DIALOUT, "600", WHEEL, UUCP);
                return;
            }
            case 48: { // ttyC[0-9]*)
                sh.unit = strip(i, "ttyC");
                long u = cNumber(sh.unit);
                sh.mkdev("ttyC" + sh.unit, 'c', sh.chr("com"), u + DIALIN, "600", WHEEL, UUCP);
                sh.mkdev("dtyC" + sh.unit, 'c', sh.chr("com"), u + DIALOUT, "600", WHEEL, UUCP);
                return;
            }
            case 49: { // opty)
                String hex = "0123456789abcdef";
                for (int j = 0; j < 16; j++) {
                    sh.mkdev("ttyp" + hex.charAt(j), 'c', sh.chr("pts"), j, "666");
                    sh.mkdev("ptyp" + hex.charAt(j), 'c', sh.chr("ptc"), j, "666");
                }
                return;
            }
            case 50: { // pty[0-9]*)
                pty(sh, i);
                return;
            }
            case 51: { // st[0-9]*)
                sh.unit = strip(i, "st");
                long u = cNumber(sh.unit) * 16;
                int b = sh.blk("st");
                int c = sh.chr("st");
                String n = sh.unit;
                sh.mkdev("st" + n, 'b', b, u, "660", OPERATOR);
                sh.mkdev("nst" + n, 'b', b, u + 1, "660", OPERATOR);
                sh.mkdev("est" + n, 'b', b, u + 2, "660", OPERATOR);
                sh.mkdev("enst" + n, 'b', b, u + 3, "660", OPERATOR);
                sh.mkdev("rst" + n, 'c', c, u, "660", OPERATOR);
                sh.mkdev("nrst" + n, 'c', c, u + 1, "660", OPERATOR);
                sh.mkdev("erst" + n, 'c', c, u + 2, "660", OPERATOR);
                sh.mkdev("enrst" + n, 'c', c, u + 3, "660", OPERATOR);
                return;
            }
            case 52: { // ses[0-9]*|ch[0-9]*|uk[0-9]*)
                String name = i.startsWith("ch") ? "ch" : i.startsWith("uk") ? "uk" : "ses";
                sh.unit = strip(i, name);
                sh.mkdevWord(name + sh.unit, 'c', sh.chr(name), sh.unit, "640", OPERATOR, ROOT);
                return;
            }
            case 53: { // cd[0-9]*)
                diskMinimal(sh, "cd", strip(i, "cd"));
                return;
            }
            case 54: { // mcd[0-9]*)
                diskMinimal(sh, "mcd", strip(i, "mcd"));
                return;
            }
            case 55: { // lpt[0-9]*|lpa[0-9]*)
                String name = i.startsWith("lpt") ? "lpt" : "lpa";
                long flags = name.equals("lpt") ? 0 : 128;
                sh.unit = strip(i, name);
                long u = cNumber(sh.unit);
                sh.mkdev(name + sh.unit, 'c', sh.chr("lpt"), u + flags);
                sh.mkdev("lpt" + sh.unit + "ctl", 'c', sh.chr("lpt"), u + 256);
                return;
            }
            case 56: { // bpf)
                sh.mkdev("bpf", 'c', sh.chr("bpf"), 0);
                sh.lndev("bpf", "bpf0");
                return;
            }
            case 57: { // ipl)
                String[] names = {"ipl", "ipnat", "ipstate", "ipauth", "ipsync", "ipscan", "iplookup"};
                for (int k = 0; k < names.length; k++) {
                    sh.mkdev(names[k], 'c', sh.chr("ipl"), k);
                }
                return;
            }
            case 58: { // audio|audio[0-9]*)
                sh.unit = strip(i, "audio");
                long u = sh.unit.isEmpty() ? 0 : cNumber(sh.unit); // $(($unit + 0)) with unit empty is 0
                int c = sh.chr("audio");
                sh.mkdev("sound" + sh.unit, 'c', c, u, "666");
                sh.mkdev("audio" + sh.unit, 'c', c, u + 128, "666");
                sh.mkdev("mixer" + sh.unit, 'c', c, u + 16, "666");
                sh.mkdev("audioctl" + sh.unit, 'c', c, u + 192, "666");
                return;
            }
            case 59: { // hdmicec[0-9]*)
                // the template assigns "uint" and then reads the stale global $unit; an empty $unit
                // vanishes from "mkdev hdmicec$unit c MAJ $unit 644", so 644 becomes the minor
                if (sh.unit.isEmpty()) {
                    sh.mkdevWord("hdmicec", 'c', sh.chr("hdmicec"), "644");
                } else {
                    sh.mkdevWord("hdmicec" + sh.unit, 'c', sh.chr("hdmicec"), sh.unit, "644");
                }
                return;
            }
            case 60: { // rmidi[0-9]*)
                sh.unit = strip(i, "rmidi");
                sh.mkdevWord("rmidi" + sh.unit, 'c', sh.chr("midi"), sh.unit, "666");
                return;
            }
            case 61: { // music|music[0-9]*)
                sh.unit = strip(i, "music");
                long u = sh.unit.isEmpty() ? 0 : cNumber(sh.unit);
                sh.mkdev("music" + sh.unit, 'c', sh.chr("sequencer"), u, "666");
                sh.mkdev("sequencer" + sh.unit, 'c', sh.chr("sequencer"), u + 128, "666");
                return;
            }
            case 62: { // dtv[0-9]*)
                sh.unit = strip(i, "dtv");
                long u = cNumber(sh.unit);
                String ad = "dvb/adapter" + sh.unit;
                sh.makedir("dvb", "755");
                sh.makedir(ad, "755");
                sh.mkdev(ad + "/frontend0", 'c', sh.chr("dtv"), u, "666");
                sh.mkdev(ad + "/demux0", 'c', sh.chr("dtv"), u + 16, "666");
                sh.mkdev(ad + "/dvr0", 'c', sh.chr("dtv"), u + 32, "666");
                return;
            }
            case 63: { // apm)
                sh.mkdev("apm", 'c', sh.chr("apm"), 0, "644");
                sh.mkdev("apmctl", 'c', sh.chr("apm"), 8, "644");
                return;
            }
            case 64: { // random)
                sh.mkdev("random", 'c', sh.chr("rnd"), 0, "444");
                sh.mkdev("urandom", 'c', sh.chr("rnd"), 1, "644");
                return;
            }
            case 66: { // sysmon)
                sh.mkdev("sysmon", 'c', sh.chr("sysmon"), 0, "644");
                sh.mkdev("watchdog", 'c', sh.chr("sysmon"), 1, "644");
                sh.mkdev("power", 'c', sh.chr("sysmon"), 2, "640");
                return;
            }
            case 68: { // bktr[0-9]*)
                sh.unit = strip(i, "bktr");
                long u = cNumber(sh.unit);
                sh.mkdev("bktr" + sh.unit, 'c', sh.chr("bktr"), u, "444");
                sh.mkdev("tuner" + sh.unit, 'c', sh.chr("bktr"), u + 16, "444");
                sh.mkdev("vbi" + sh.unit, 'c', sh.chr("bktr"), u + 32, "444");
                return;
            }
            case 69: { // io)
                sh.mkdev("io", 'c', sh.chr("mem"), 14, "600");
                return;
            }
            case 70: { // agp[0-9]*)
                sh.unit = strip(i, "agp");
                sh.mkdevWord("agp" + sh.unit, 'c', sh.chr("agp"), sh.unit, "644");
                if (sh.unit.equals("0")) {
                    sh.lndev("agp" + sh.unit, "agpgart");
                }
                return;
            }
            case 71: { // altq)
                // 1.236's list: 1.234 still had codel after wfq
                sh.makedir("altq", "755");
                int unit = 0;
                for (String dev : new String[] {"altq", "cbq", "wfq", "afm", "fifoq", "red", "rio", "localq",
                    "hfsc", "cdnr", "blue", "priq", "jobs"}) {
                    sh.mkdev("altq/" + dev, 'c', sh.chr("altq"), unit, "644");
                    unit++;
                }
                sh.unit = Integer.toString(unit);
                return;
            }
            case 72: { // clockctl)
                sh.mkdev("clockctl", 'c', sh.chr("clockctl"), 0, "660", NTPD);
                return;
            }
            case 73: { // vhci[0-7]*)
                sh.unit = strip(i, "vhci");
                sh.mkdevWord("vhci" + sh.unit, 'c', sh.chr("vhci"), sh.unit);
                return;
            }
            case 74: { // mouse-pms[0-9]*|mouse-qms[0-9]*)
                String name = i.startsWith("mouse-pms") ? "pms" : "qms";
                sh.unit = strip(i, "mouse-" + name);
                sh.lndev(name + sh.unit, "mouse");
                return;
            }
            case 75: { // ipty)
                sh.mkdev("ttyp0", 'c', sh.chr("pts"), 0, "666");
                sh.mkdev("ttyp1", 'c', sh.chr("pts"), 1, "666");
                sh.mkdev("ptyp0", 'c', sh.chr("ptc"), 0, "666");
                sh.mkdev("ptyp1", 'c', sh.chr("ptc"), 1, "666");
                return;
            }
            case 76: { // ptm)
                sh.makedir("pts", "755");
                sh.mkdev("ptmx", 'c', sh.chr("ptm"), 0, "666");
                sh.mkdev("ptm", 'c', sh.chr("ptm"), 1, "666");
                return;
            }
            case 77: { // drm[0-9]*)
                sh.unit = strip(i, "drm");
                long unit2 = cNumber(sh.unit) + 128;
                sh.makedir("dri", "755");
                sh.mkdevWord("dri/card" + sh.unit, 'c', sh.chr("drm"), sh.unit, "660");
                sh.mkdev("dri/renderD" + unit2, 'c', sh.chr("drm"), unit2, "660");
                return;
            }
            case 78: { // tap|tap[0-9]*)
                sh.unit = strip(i, "tap");
                if (sh.unit.isEmpty()) {
                    sh.mkdevWord("tap", 'c', sh.chr("tap"), "0xfffff", "600");
                } else if (Character.isDigit(sh.unit.charAt(0))) {
                    sh.mkdevWord("tap" + sh.unit, 'c', sh.chr("tap"), sh.unit, "600");
                }
                return;
            }
            case 79: { // dtrace)
                sh.makedir("dtrace", "755");
                sh.mkdev("dtrace/dtrace", 'c', sh.chr("dtrace"), 0, "600");
                return;
            }
            case 80: { // fw[0-9]*)
                sh.unit = strip(i, "fw");
                long u = cNumber(sh.unit);
                for (int j = 0; j < 4; j++) {
                    sh.mkdev("fw" + sh.unit + "." + j, 'c', sh.chr("fw"), u * 256 + j, "660", OPERATOR);
                    sh.mkdev("fwmem" + sh.unit + "." + j, 'c', sh.chr("fw"), 65536 + u * 256 + j, "660", OPERATOR);
                }
                return;
            }
            case 81: { // putter)
                sh.mkdev("putter", 'c', sh.chr("putter"), 0, "600");
                sh.mkdev("pud", 'c', sh.chr("putter"), 1, "600");
                sh.lndev("putter", "puffs");
                return;
            }
            case 82: { // zfs)
                sh.mkdev("zfs", 'c', sh.chr("zfs"), 0, "600");
                sh.makedir("zpool", "755");
                return;
            }
            case 83: { // nvme[0-9]*ns[0-9]*)
                String u = strip(i, "nvme");
                int ns = u.lastIndexOf("ns"); // ${unit%ns*}: the shortest suffix "ns*"
                sh.unit = u.substring(0, ns);
                String subunit = strip(i, "nvme" + sh.unit + "ns");
                long sub = decimalTest(sh, "0" + subunit);
                if (sub <= 0 || sub >= 65536) {
                    sh.warn("bad nsid for " + i + ": " + subunit);
                    sh.breakLoop = true;
                return;
            }
            sh.mkdev("nvme" + sh.unit + "ns" + subunit, 'c', sh.chr("nvme"),
                    cNumber(sh.unit) * 65536 + cNumber(subunit));
                return;
            }
            case 84: { // nvme[0-9]*)
                sh.unit = strip(i, "nvme");
                sh.mkdev("nvme" + sh.unit, 'c', sh.chr("nvme"), cNumber(sh.unit) * 65536);
                return;
            }
            case 85: { // nvmm)
                sh.mkdev("nvmm", 'c', sh.chr("nvmm"), 0, "660", NVMM);
                return;
            }
            case 86: { // xmm[0-9])
                sh.unit = strip(i, "xmm");
                long u = cNumber(sh.unit) * 65536;
                sh.makedir("xmm" + sh.unit, "755");
                sh.mkdev("xmm" + sh.unit + "/rpc", 'c', sh.chr("wwanc"), u + 1);
                sh.mkdev("ttyXMM" + sh.unit + "0", 'c', sh.chr("wwanc"), u + 2);
                sh.mkdev("ttyXMM" + sh.unit + "1", 'c', sh.chr("wwanc"), u + 4);
                return;
            }
            case 87: { // ttyVI[0-9][0-9])
                String port = i.substring(6);
                sh.unit = i.substring(5, 6);
                sh.mkdev("ttyVI" + sh.unit + port, 'c', sh.chr("viocon"), 16 * cNumber(sh.unit) + cNumber(port));
                return;
            }
            case 90: { // midevend)
                return;
            }
            case 29: { // ucom[0-9]*)
                sh.makedev("ttyU" + strip(i, "ucom"));
                return;
            }
            default:
                throw new IllegalStateException("no arm body " + op);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Arm arm(Arm.Section s, String label, String needs, Arm.Body body) {
        return new Arm(label, needs.isEmpty() ? List.of() : List.of(needs.split(" ")), Optional.of(body), s);
    }

    /** An arm of other ports: it needs majors no x86 port has, so both scripts drop it. */
    private static Arm other(Arm.Section s, String label, String needs) {
        return new Arm(label, List.of(needs.split(" ")), Optional.empty(), s);
    }

    /** {@code NAME[0-9]*) unit=${i#NAME}; mkdev NAME$unit c %NAME_chr% $unit MODE}. */
    private static Arm unitArm(Arm.Section s, String name, String mode) {
        return unitArm(s, name, name, mode, WHEEL);
    }

    private static Arm unitArm(Arm.Section s, String name, String mode, int gid) {
        return unitArm(s, name, name, mode, gid);
    }

    private static Arm unitArm(Arm.Section s, String name, String driver, String mode, int gid) {
        return arm(s, name + "[0-9]*", driver + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, name);
            sh.mkdevWord(name + sh.unit, 'c', sh.chr(driver), sh.unit, mode, gid, ROOT);
        }
        });
    }

    /** {@code NAME|NAME[0-9]*)}: the bare name is unit 0 spelled without a number. */
    private static Arm optionalUnitArm(Arm.Section s, String name, String mode) {
        return arm(s, name + "|" + name + "[0-9]*", name + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, name);
            if (sh.unit.isEmpty()) {
                // "mkdev radio c MAJ $unit 666" with $unit empty: 666 becomes the minor
                sh.mkdevWord(name, 'c', sh.chr(name), "666");
            } else {
                sh.mkdevWord(name + sh.unit, 'c', sh.chr(name), sh.unit, mode);
            }
        }
        });
    }

    private static Arm single(Arm.Section s, String name, String driver, long minor, String mode) {
        return arm(s, name, driver + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
                sh.mkdev(name, 'c', sh.chr(driver), minor, mode);
            }
        });
    }

    private static Arm serial3(Arm.Section s, String name, String driver) {
        return arm(s, name + "[0-9]*", driver + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, name);
            long u = cNumber(sh.unit);
            String d = name.substring(1); // ttyU -> tyU
            sh.mkdev("t" + d + sh.unit, 'c', sh.chr(driver), u + DIALIN, "600", WHEEL, UUCP);
            sh.mkdev("d" + d + sh.unit, 'c', sh.chr(driver), u + DIALOUT, "600", WHEEL, UUCP);
            sh.mkdev("c" + d + sh.unit, 'c', sh.chr(driver), u + CALLUNIT, "600", WHEEL, UUCP);
        }
        });
    }

    private static void wsdisplay(List<Arm> a, Arm.Section s, String letter, int base) {
        String n = "tty" + letter;
        a.add(arm(s, n + "stat", "wsdisplay_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
                sh.mkdev(n + "stat", 'c', sh.chr("wsdisplay"), base + 254);
            }
        }));
        a.add(arm(s, n + "cfg", "wsdisplay_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
                sh.mkdev(n + "cfg", 'c', sh.chr("wsdisplay"), base + 255);
            }
        }));
        a.add(arm(s, n + "[0-9]*", "wsdisplay_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, n);
            if (base == 0) {
                sh.mkdevWord(n + sh.unit, 'c', sh.chr("wsdisplay"), sh.unit);
            } else {
                sh.mkdev(n + sh.unit, 'c', sh.chr("wsdisplay"), cNumber(sh.unit) + base);
            }
        }
        }));
    }

    private static Arm diskArm(Arm.Section s, String name) {
        return arm(s, name + "[0-9]*", name + "_blk " + name + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, name);
            disk(sh, name, sh.unit);
        }
        });
    }

    private static Arm flashArm(Arm.Section s, String name) {
        return arm(s, name + "[0-9]*", name + "_blk " + name + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, name);
            sh.mkdevWord(name + sh.unit, 'b', sh.blk(name), sh.unit);
            sh.mkdevWord("r" + name + sh.unit, 'c', sh.chr(name), sh.unit);
        }
        });
    }

    /** {@code %MKDISK%}: makedisk_p16 on amd64, makedisk_p16high on i386. */
    private static void disk(Shell sh, String name, String unitWord) {
        sh.unit = unitWord;
        int blk = sh.blk(name);
        int chr = sh.chr(name);
        long u = cNumber(unitWord);
        boolean high = sh.arch() == Arch.I386;
        long base = high ? u * 8 : u * 16;
        String n = name + unitWord;
        sh.mkdev(n, 'b', blk, base + RAW_PART, "640", OPERATOR);
        sh.mkdev("r" + n, 'c', chr, base + RAW_PART, "640", OPERATOR);
        for (char bc : new char[] {'b', 'c'}) {
            for (int p = 0; p < 16; p++) {
                // p16high: partitions i-p live above 524280 (OLDMAXPARTITIONS back-compat)
                long minor = high && p >= 8 ? base + 524280 + p : base + p;
                sh.mkdev((bc == 'b' ? "" : "r") + n + PARTS[p], bc, bc == 'b' ? blk : chr, minor, "640", OPERATOR);
            }
        }
    }

    /** makedisk_minimal: X, rX, Xa, Xd, rXa, rXd with DISKMINOROFFSET 16 (amd64) or 8 (i386). */
    private static void diskMinimal(Shell sh, String name, String unitWord) {
        sh.unit = unitWord;
        int blk = sh.blk(name);
        int chr = sh.chr(name);
        long base = cNumber(unitWord) * (sh.arch() == Arch.I386 ? 8 : 16);
        String n = name + unitWord;
        sh.mkdev(n, 'b', blk, base + RAW_PART, "640", OPERATOR);
        sh.mkdev("r" + n, 'c', chr, base + RAW_PART, "640", OPERATOR);
        sh.mkdev(n + "a", 'b', blk, base, "640", OPERATOR);
        sh.mkdev(n + "d", 'b', blk, base + RAW_PART, "640", OPERATOR);
        sh.mkdev("r" + n + "a", 'c', chr, base, "640", OPERATOR);
        sh.mkdev("r" + n + "d", 'c', chr, base + RAW_PART, "640", OPERATOR);
    }

    private static Arm cyclades(Arm.Section s, String label, String driver, int off, int width) {
        return arm(s, label + "[0-9]*", driver + "_chr", new Arm.Body() {
            @Override
            public void run(Shell sh, String i) {
            sh.unit = strip(i, label);
            long minor = cNumber(sh.unit) * off;
            long end = minor + off;
            String name = label.substring(1); // tyCY
            String zeros = "0".repeat(width);
            for (; minor < end; minor++) {
                String nm = zeros + minor;
                nm = nm.substring(nm.length() - width);
                sh.mkdev("t" + name + nm, 'c', sh.chr(driver), minor + DIALIN, "600", WHEEL, UUCP);
                sh.mkdev("d" + name + nm, 'c', sh.chr(driver), minor + DIALOUT, "600", WHEEL, UUCP);
            }
        }
        });
    }

    /** pty[0-9]*: BSD ptys, with MAKEDEV's warnings. */
    private static void pty(Shell sh, String i) {
        sh.warn(i + ": creating BSD style tty nodes with ptyfs is a security issue");
        long klass = decimalTest(sh, strip(i, "pty"));
        String[] d1 = "p q r s t u v w x y z P Q R S T".split(" ");
        String[] d2;
        long offset;
        long mult;
        if (klass >= 64) {
            sh.warn(i + ": pty unit must be between 0 and 63");
            return;
        } else if (klass < 16) {
            offset = 0;
            mult = 0;
            d2 = "0 1 2 3 4 5 6 7 8 9 a b c d e f".split(" ");
        } else {
            klass -= 16;
            offset = 256;
            mult = 2;
            d2 = ("g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y"
                    + " Z").split(" ");
        }
        long start = klass * 16;
        int nt = d2.length;
        int s1 = (int) (start / nt);
        String t1 = d1[s1];
        if (t1.equals("v")) {
            sh.warn(i + ": pty unit conflicts with console ttyv0 device");
            return;
        }
        int s2 = (int) (start % (nt - s1 * mult));
        long unit = start + offset - s1 * mult;
        long end = unit + 16;
        int k = s2;
        while (unit < end) {
            String t2 = d2[k];
            sh.mkdev("tty" + t1 + t2, 'c', sh.chr("pts"), unit, "666");
            sh.mkdev("pty" + t1 + t2, 'c', sh.chr("ptc"), unit, "666");
            k++;
            if (k >= nt) {
                break;
            }
            unit++;
        }
        sh.unit = Long.toString(unit);
    }

    /** A number as test(1) reads it ({@code [ "$x" -ge 64 ]}): decimal only. */
    private static long decimalTest(Shell sh, String w) {
        boolean digits = !w.isEmpty() && w.length() <= 9;
        for (int k = 0; digits && k < w.length(); k++) {
            digits = w.charAt(k) >= '0' && w.charAt(k) <= '9';
        }
        if (!digits) {
            throw new Shell.BadUnitException("bad unit number '" + w + "'");
        }
        return Long.parseLong(w);
    }

    private static String two(int j) {
        return j < 10 ? "0" + j : Integer.toString(j);
    }

    private static String[] units(String name, int from, int to) {
        String[] r = new String[to - from + 1];
        for (int k = from; k <= to; k++) {
            r[k - from] = name + k;
        }
        return r;
    }

    private static String[] cat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
