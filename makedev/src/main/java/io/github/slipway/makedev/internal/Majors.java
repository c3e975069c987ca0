package io.github.slipway.makedev.internal;

import io.github.slipway.makedev.Arch;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The effective device majors of one arch, as {@code etc/MAKEDEV.awk} sees them: the MI
 * {@code sys/conf/majors} overlaid by the MD {@code majors.ARCH} (resource {@code majors.txt}).
 */
public final class Majors {
    private static final Map<Arch, Majors> TABLES = load();

    private final Arch arch;
    private final Map<String, Integer> chr;
    private final Map<String, Integer> blk;

    private Majors(Arch arch, Map<String, Integer> chr, Map<String, Integer> blk) {
        this.arch = arch;
        this.chr = Collections.unmodifiableMap(chr);
        this.blk = Collections.unmodifiableMap(blk);
    }

    /** The table of {@code arch}. */
    public static Majors of(Arch arch) {
        return TABLES.get(arch);
    }

    /** The arch this table belongs to. */
    public Arch arch() {
        return arch;
    }

    /** The character major of driver {@code name} ({@code %name_chr%}), if the arch has one. */
    public OptionalInt chr(String name) {
        Integer m = chr.get(name);
        return m == null ? OptionalInt.empty() : OptionalInt.of(m);
    }

    /** The block major of driver {@code name} ({@code %name_blk%}), if the arch has one. */
    public OptionalInt blk(String name) {
        Integer m = blk.get(name);
        return m == null ? OptionalInt.empty() : OptionalInt.of(m);
    }

    /** Driver name to character major. */
    public Map<String, Integer> charMajors() {
        return chr;
    }

    /** Driver name to block major. */
    public Map<String, Integer> blockMajors() {
        return blk;
    }

    /**
     * Whether a template placeholder such as {@code "wd_blk"} or {@code "com_chr"} has a value on
     * this arch; an entry that names one without a value is dropped, as MAKEDEV.awk does.
     */
    public boolean has(String placeholder) {
        int us = placeholder.lastIndexOf('_');
        String name = placeholder.substring(0, us);
        return switch (placeholder.substring(us + 1)) {
            case "chr" -> chr.containsKey(name);
            case "blk" -> blk.containsKey(name);
            default -> throw new IllegalArgumentException("bad placeholder " + placeholder);
        };
    }

    /*
     * Effective majors (name char block, "-" = none): sys/conf/majors 1.105 (MI) overlaid by
     * sys/arch/ARCH/conf/majors.ARCH (MD), as MAKEDEV.awk merges them; the table of
     * shared/golden/makedev/majors.txt. Kept as constants, not a resource, so that the first
     * expansion in a fresh JVM does no I/O.
     */
    private static final String I386_TABLE = """
            cons 0 -, ctty 1 -, mem 2 -, wd 3 0, swap 4 1, pts 5 -,
            ptc 6 -, log 7 -, com 8 -, fd 9 2, wt 10 3, pc 12 -,
            sd 13 4, st 14 5, cd 15 6, lpt 16 -, ch 17 -, ccd 18 16,
            ss 19 -, uk 20 -, apm 21 -, filedesc 22 -, bpf 23 -, md 24 17,
            joy 26 -, cy 38 -, mcd 39 7, tun 40 -, vnd 41 14, audio 42 -,
            ipl 44 -, rnd 46 -, wsdisplay 47 -, wskbd 48 -, wsmouse 49 -, usb 55 -,
            uhid 56 -, ulpt 57 -, midi 58 -, sequencer 59 -, vcoda 60 -, scsibus 61 -,
            raid 62 18, esh 63 -, ugen 64 -, wsmux 65 -, ucom 66 -, sysmon 67 -,
            ld 69 19, urio 70 -, bktr 71 -, cz 73 -, ses 74 -, uscanner 75 -,
            iop 76 -, altq 77 -, mlx 78 -, ed 79 20, mly 80 -, wsfont 81 -,
            agp 82 -, pci 83 -, dpti 84 -, irframe 85 -, cir 86 -, radio 87 -,
            cmos 88 -, clockctl 89 -, kttcp 91 -, dmoverio 92 -, cgd 93 21, dpt 96 -,
            twe 97 -, nsmb 98 -, vmmon 99 -, vmnet 100 -, ksyms 101 -, icp 102 -,
            gpib 103 -, ppi 104 -, rd 105 22, ct 106 23, mt 107 24, xenevt 141 -,
            xbd 142 142, xencons 143 -, crypto 160 -, pf 161 -, fss 163 163, pps 164 -,
            ptm 165 -, atabus 166 -, drvctl 167 -, dk 168 168, tap 169 -, veriexec 170 -,
            fw 171 -, ucycom 172 -, gpio 173 -, utoppy 174 -, bthub 175 -, amr 176 -,
            lockstat 177 -, putter 178 -, srt 179 -, drm 180 -, bio 181 -, altmem 182 182,
            twa 187 -, cpuctl 188 -, pad 189 -, zfs 190 190, tprof 191 -, isv 192 -,
            video 193 -, dm 194 169, hdaudio 195 -, uhso 196 -, rumpblk 197 197, npf 198 -,
            flash 199 199, dtv 200 -, iic 201 -, iscsi 203 -, tpm 204 -, mfi 205 -,
            seeprom 206 -, dtrace 207 -, spiflash 208 208, lua 209 -, spkr 240 -, hdmicec 340 -,
            nvme 341 -, qemufwcfg 342 -, autofs 343 -, gpiopps 344 -, nvmm 345 -, kcov 346 -,
            spi 347 -, ipmi 354 -, vhci 355 -, vio9p 356 -, fault 357 -, wwanc 358 -,
            acpi 359 -, smbios 360 -, efi 361 -, sht3xtemp 362 -, scmd 363 -, viocon 364 -,
            gpioirq 365 -, umcpmio 366 -, emcfan 367 -
            """;

    private static final String AMD64_TABLE = """
            cons 0 -, ctty 1 -, mem 2 -, wd 3 0, swap 4 1, pts 5 -,
            ptc 6 -, log 7 -, com 8 -, fd 9 2, wt 10 3, pc 12 -,
            sd 13 4, st 14 5, cd 15 6, lpt 16 -, ch 17 -, ccd 18 16,
            ss 19 -, uk 20 -, filedesc 22 -, bpf 23 -, md 24 17, cy 38 -,
            mcd 39 7, tun 40 -, vnd 41 14, audio 42 -, ipl 44 -, rnd 46 -,
            wsdisplay 47 -, wskbd 48 -, wsmouse 49 -, usb 55 -, uhid 56 -, ulpt 57 -,
            midi 58 -, sequencer 59 -, vcoda 60 -, scsibus 61 -, raid 62 18, esh 63 -,
            ugen 64 -, wsmux 65 -, ucom 66 -, sysmon 67 -, ld 69 19, bktr 71 -,
            cz 73 -, ses 74 -, iop 76 -, altq 77 -, mlx 78 -, clockctl 79 -,
            cgd 81 20, agp 82 -, pci 83 -, irframe 84 -, ksyms 85 -, wsfont 86 -,
            mly 87 -, dpti 88 -, joy 89 -, cir 90 -, radio 91 -, kttcp 92 -,
            dpt 96 -, twe 97 -, vboxguest 109 -, xenevt 141 -, xbd 142 142, xencons 143 -,
            crypto 160 -, pf 161 -, fss 163 163, pps 164 -, ptm 165 -, atabus 166 -,
            drvctl 167 -, dk 168 168, tap 169 -, veriexec 170 -, fw 171 -, ucycom 172 -,
            gpio 173 -, utoppy 174 -, bthub 175 -, amr 176 -, lockstat 177 -, putter 178 -,
            srt 179 -, drm 180 -, bio 181 -, altmem 182 182, twa 187 -, cpuctl 188 -,
            pad 189 -, zfs 190 190, tprof 191 -, isv 192 -, video 193 -, dm 194 169,
            hdaudio 195 -, uhso 196 -, rumpblk 197 197, npf 198 -, flash 199 199, dtv 200 -,
            iic 201 -, iscsi 203 -, tpm 204 -, mfi 205 -, seeprom 206 -, dtrace 207 -,
            spiflash 208 208, lua 209 -, spkr 240 -, hdmicec 340 -, nvme 341 -, qemufwcfg 342 -,
            autofs 343 -, gpiopps 344 -, nvmm 345 -, kcov 346 -, spi 347 -, ipmi 354 -,
            vhci 355 -, vio9p 356 -, fault 357 -, wwanc 358 -, acpi 359 -, smbios 360 -,
            efi 361 -, sht3xtemp 362 -, scmd 363 -, viocon 364 -, gpioirq 365 -, umcpmio 366 -,
            emcfan 367 -
            """;

    private static Map<Arch, Majors> load() {
        Map<Arch, Majors> out = new EnumMap<>(Arch.class);
        out.put(Arch.I386, parse(Arch.I386, I386_TABLE));
        out.put(Arch.AMD64, parse(Arch.AMD64, AMD64_TABLE));
        return out;
    }

    private static Majors parse(Arch arch, String table) {
        Map<String, Integer> chr = new HashMap<>();
        Map<String, Integer> blk = new HashMap<>();
        for (String entry : table.split(",")) {
            String[] f = entry.strip().split(" ");
            if (f.length != 3) {
                throw new IllegalStateException(arch + " majors: bad entry '" + entry + "'");
            }
            if (!f[1].equals("-")) {
                chr.put(f[0], Integer.parseInt(f[1]));
            }
            if (!f[2].equals("-")) {
                blk.put(f[0], Integer.parseInt(f[2]));
            }
        }
        return new Majors(arch, chr, blk);
    }
}
