package io.github.slipway.sailor.elf;

import io.github.slipway.sailor.elf.internal.LdSoConf;
import io.github.slipway.sailor.elf.internal.Sysroot;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the files a set of programs needs at run time inside a sysroot, following the rules of
 * NetBSD's {@code ld.elf_so} or of glibc's {@code ld.so}: interpreter, {@code DT_NEEDED}
 * libraries transitively (cycles tolerated), foreign-class or foreign-machine libraries skipped
 * as the loader skips them. Nothing is executed and nothing outside the sysroot is read: links
 * are followed with chroot semantics.
 *
 * <pre>{@code
 * LibraryResolver r = LibraryResolver.builder()
 *         .sysroot(Path.of("/srv/netbsd-10-amd64"))
 *         .os(OsRules.NETBSD)
 *         .defaultBins(true)            // sailor's def_bins: ld.elf_so, pwd_mkdb, PAM modules, /bin/sh ...
 *         .build();
 * Closure c = r.resolve(List.of("/usr/pkg/sbin/nginx", "/usr/lib/security/*"));
 * }</pre>
 *
 * <p>Instances are immutable and may be shared; each {@link #resolve(List)} call reads the
 * sysroot afresh.
 */
public final class LibraryResolver {
    /** sailor's def_bins (include/platform.sh of NetBSDfr/sailor) on NetBSD; bare names go through {@code which}. */
    private static final List<String> NETBSD_DEFAULT_BINS = List.of("/libexec/ld.elf_so",
            "/usr/libexec/ld.elf_so", "pwd_mkdb", "/usr/lib/security/*");
    /** sailor's def_bins on Linux. */
    private static final List<String> LINUX_DEFAULT_BINS = List.of("/lib/ld-linux.so.2",
            "/lib64/ld-linux-x86-64.so.2", "/lib64/libresolv.so.2", "/lib64/libnss_dns.so.2",
            "/lib64/libnss_files.so.2");
    /** sailor's def_bins common to every OS ("binaries needed by many packages"). */
    private static final List<String> COMMON_DEFAULT_BINS = List.of("useradd", "groupadd", "pkg_info", "pkgin",
            "/bin/sh", "/bin/test", "nologin", "/bin/echo", "/bin/ps", "/bin/sleep", "sysctl", "logger", "kill",
            "printf", "ping");
    private static final List<String> NETBSD_PATH = List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin",
            "/usr/pkg/bin", "/usr/pkg/sbin", "/usr/local/bin", "/usr/local/sbin");
    private static final List<String> LINUX_PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    private final Path sysroot;
    private final OsRules os;
    private final List<String> extraLibraryPaths;
    private final boolean defaultBins;
    private final boolean reportMissing;
    private final boolean allowNonElf;
    private final Optional<String> osRelease;
    private final Optional<String> platform;

    private LibraryResolver(Builder b) {
        this.sysroot = b.sysroot;
        this.os = b.os;
        this.extraLibraryPaths = List.copyOf(b.extraLibraryPaths);
        this.defaultBins = b.defaultBins;
        this.reportMissing = b.reportMissing;
        this.allowNonElf = b.allowNonElf;
        this.osRelease = b.osRelease;
        this.platform = b.platform;
    }

    /** {@return a builder with the defaults: sysroot {@code /}, {@link OsRules#AUTO}, errors for missing libraries} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return sailor's default binaries ({@code def_bins}) for an OS, as paths, globs or bare names that are looked
     * up in the sysroot's {@code PATH} directories the way sailor's {@code $(which X)} does on the host}
     *
     * @param os {@link OsRules#NETBSD} or {@link OsRules#LINUX}
     */
    public static List<String> defaultBins(OsRules os) {
        if (os == OsRules.AUTO) {
            throw new IllegalArgumentException("defaultBins needs NETBSD or LINUX, not AUTO");
        }
        List<String> l = new ArrayList<>(os == OsRules.NETBSD ? NETBSD_DEFAULT_BINS : LINUX_DEFAULT_BINS);
        l.addAll(COMMON_DEFAULT_BINS);
        return List.copyOf(l);
    }

    /** Settings for a {@link LibraryResolver}. */
    public static final class Builder {
        private Path sysroot = Path.of("/");
        private OsRules os = OsRules.AUTO;
        private List<String> extraLibraryPaths = List.of();
        private boolean defaultBins;
        private boolean reportMissing;
        private boolean allowNonElf;
        private Optional<String> osRelease = Optional.empty();
        private Optional<String> platform = Optional.empty();

        private Builder() {
        }

        /**
         * The directory that stands for {@code /} (default {@code /}).
         *
         * @param dir the sysroot
         * @return this builder
         */
        public Builder sysroot(Path dir) {
            this.sysroot = Objects.requireNonNull(dir, "sysroot");
            return this;
        }

        /**
         * Which loader's rules to follow (default {@link OsRules#AUTO}).
         *
         * @param rules the loader rules, or {@link OsRules#AUTO}
         * @return this builder
         */
        public Builder os(OsRules rules) {
            this.os = Objects.requireNonNull(rules, "os");
            return this;
        }

        /**
         * Directories inside the sysroot searched where the loader searches
         * {@code LD_LIBRARY_PATH} (default none).
         *
         * @param dirs absolute directories inside the sysroot
         * @return this builder
         * @throws IllegalArgumentException for a path that does not start with {@code /}
         */
        public Builder extraLibraryPaths(List<String> dirs) {
            for (String d : dirs) {
                if (!d.startsWith("/")) {
                    throw new IllegalArgumentException("extra library path must be absolute: " + d);
                }
            }
            this.extraLibraryPaths = List.copyOf(dirs);
            return this;
        }

        /**
         * Whether to add sailor's default binaries for the OS ({@link #defaultBins(OsRules)}); missing ones are
         * skipped.
         *
         * @param on whether sailor's default binaries are added
         * @return this builder
         */
        public Builder defaultBins(boolean on) {
            this.defaultBins = on;
            return this;
        }

        /**
         * Whether a missing library is reported in {@link Closure#missing()} (true) or thrown as {@link
         * MissingLibraryException} (false, the default).
         *
         * @param on whether missing libraries are reported instead of thrown
         * @return this builder
         */
        public Builder reportMissing(boolean on) {
            this.reportMissing = on;
            return this;
        }

        /**
         * Whether a requested file that is not ELF (a script, a data file) is taken as it is, with no dependencies
         * (true), or is an {@link ElfFormatException} (false, the default).
         *
         * @param on whether non-ELF files are accepted as plain files
         * @return this builder
         */
        public Builder allowNonElf(boolean on) {
            this.allowNonElf = on;
            return this;
        }

        /**
         * What NetBSD's {@code $OSREL} expands to (default: from the program's ident note, e.g. "10.0").
         *
         * @param release the release, e.g. {@code 10.0}
         * @return this builder
         */
        public Builder osRelease(String release) {
            this.osRelease = Optional.of(release);
            return this;
        }

        /**
         * What {@code $PLATFORM} expands to (default: from {@code e_machine}, e.g. "x86_64", "i386").
         *
         * @param name the platform, e.g. {@code amd64}
         * @return this builder
         */
        public Builder platform(String name) {
            this.platform = Optional.of(name);
            return this;
        }

        /** {@return the resolver} */
        public LibraryResolver build() {
            return new LibraryResolver(this);
        }
    }

    /**
     * Resolves the closure of each file (paths or shell globs inside the sysroot).
     *
     * @param pathsOrGlobs absolute paths or globs inside the sysroot
     * @throws NoSuchFileException      if a path does not exist or a glob matches nothing
     * @throws ElfFormatException       if a file on the way is a damaged ELF object (or a requested
     *                                  file is not ELF and {@link Builder#allowNonElf} is off)
     * @throws MissingLibraryException  if a library is not found and missing ones are not reported
     * @throws IOException              if the sysroot cannot be read or links loop
     * @return the closure, per file in order
     */
    public Closure resolve(List<String> pathsOrGlobs) throws IOException {
        return new Run().resolve(pathsOrGlobs);
    }

    /** A loaded object during one program's resolution. */
    private static final class Obj {
        final String shipPath;
        final Sysroot.Resolved res;
        final Optional<ElfFile> elf;
        final Obj loader;
        final ShipFile.Role role;
        final Set<String> names = new HashSet<>();
        final Optional<String> soname;
        final List<ShipFile.Dependency> deps = new ArrayList<>();

        Obj(String shipPath, Sysroot.Resolved res, Optional<ElfFile> elf, Obj loader, ShipFile.Role role) {
            this.shipPath = shipPath;
            this.res = res;
            this.elf = elf;
            this.loader = loader;
            this.role = role;
            names.add(shipPath);
            soname = elf.flatMap(ElfFile::soname);
        }

        List<String> chain() {
            List<String> c = new ArrayList<>();
            for (Obj o = this; o != null; o = o.loader) {
                c.add(0, o.shipPath);
            }
            return c;
        }
    }

    /** One resolve() call: the sysroot's caches live as long as it does. */
    private final class Run {
        private final Map<String, Optional<ElfFile>> elfs = new HashMap<>();
        private Sysroot root;
        private List<String> netbsdConf;
        private List<String> linuxConf;

        Closure resolve(List<String> requests) throws IOException {
            root = new Sysroot(sysroot);
            List<Closure.Program> programs = new ArrayList<>();
            if (defaultBins) {
                OsRules dos = os == OsRules.AUTO ? sysrootOs() : os;
                for (String bin : defaultBins(dos)) {
                    for (String p : expandDefault(bin, dos)) {
                        Optional<Sysroot.Resolved> r = root.resolve(p);
                        if (r.isPresent() && r.get().kind() == Sysroot.Kind.FILE) {
                            programs.add(program(bin, p, true));
                        }
                    }
                }
            }
            for (String req : requests) {
                if (Sysroot.isGlob(req)) {
                    List<String> matches = root.glob(req);
                    if (matches.isEmpty()) {
                        throw new NoSuchFileException(req, null, "no match in sysroot " + root.root());
                    }
                    for (String m : matches) {
                        programs.add(program(req, m, allowNonElf));
                    }
                } else {
                    programs.add(program(req, req, allowNonElf));
                }
            }
            return new Closure(programs);
        }

        /**
         * The path the file gets in the ship: slashes and "." collapsed; a path with ".." gets the
         * real directory (resolved in the sysroot) so that no ".." reaches the ship.
         */
        private String shipPathOf(String path) throws IOException {
            String p = normalize(path);
            if (!p.contains("/..")) {
                return p;
            }
            int slash = p.lastIndexOf('/');
            String name = p.substring(slash + 1);
            Optional<Sysroot.Resolved> dir = root.resolve(slash == 0 ? "/" : p.substring(0, slash));
            if (dir.isEmpty() || name.equals("..")) {
                return p;
            }
            return dir.get().path().equals("/") ? "/" + name : dir.get().path() + "/" + name;
        }

        private List<String> expandDefault(String bin, OsRules dos) throws IOException {
            if (bin.startsWith("/")) {
                return Sysroot.isGlob(bin) ? root.glob(bin) : List.of(bin);
            }
            for (String dir : dos == OsRules.NETBSD ? NETBSD_PATH : LINUX_PATH) {
                Optional<Sysroot.Resolved> r = root.resolve(dir + "/" + bin);
                if (r.isPresent() && r.get().kind() == Sysroot.Kind.FILE) {
                    return List.of(dir + "/" + bin);
                }
            }
            return List.of();
        }

        private OsRules sysrootOs() throws IOException {
            return root.resolve("/usr/libexec/ld.elf_so").isPresent() || root.resolve("/libexec/ld.elf_so").isPresent()
                    ? OsRules.NETBSD : OsRules.LINUX;
        }

        private Optional<ElfFile> elf(Sysroot.Resolved r, String name) throws IOException {
            Optional<ElfFile> e = elfs.get(r.path());
            if (e == null) {
                java.nio.ByteBuffer b = ElfFile.map(r.host(), name);
                e = b.limit() >= 4 && b.get(0) == 0x7f && b.get(1) == 'E' && b.get(2) == 'L' && b.get(3) == 'F'
                        ? Optional.of(ElfFile.from(b, name)) : Optional.empty();
                elfs.put(r.path(), e);
            }
            return e;
        }

        private OsRules rulesFor(ElfFile elf) throws IOException {
            if (os != OsRules.AUTO) {
                return os;
            }
            String interp = elf.interpreter().orElse("");
            if (elf.netbsdVersion().isPresent() || interp.contains("/ld.elf_so")) {
                return OsRules.NETBSD;
            }
            if (elf.gnuAbiTag().isPresent() || interp.contains("/ld-linux") || interp.contains("/ld64.so")) {
                return OsRules.LINUX;
            }
            return sysrootOs();
        }

        private Closure.Program program(String requested, String path, boolean nonElfOk) throws IOException {
            String ship = shipPathOf(path);
            Sysroot.Resolved r = root.resolve(ship)
                    .orElseThrow(() -> new NoSuchFileException(ship));
            if (r.kind() != Sysroot.Kind.FILE) {
                throw new IOException(ship + ": not a regular file (in sysroot " + root.root() + ")");
            }
            Optional<ElfFile> elf = elf(r, ship);
            if (elf.isEmpty()) {
                if (!nonElfOk) {
                    throw new ElfFormatException(ship, 0, "not an ELF file");
                }
                ShipFile f = new ShipFile(ship, r.path(), r.host(), r.links(), ShipFile.Role.REQUESTED, List.of());
                return new Closure.Program(requested, os == OsRules.AUTO ? sysrootOs() : os, List.of(f), List.of());
            }
            OsRules rules = rulesFor(elf.get());
            Obj main = new Obj(ship, r, elf, null, ShipFile.Role.REQUESTED);
            Map<String, Obj> byReal = new LinkedHashMap<>();
            byReal.put(r.path(), main);
            List<MissingLibrary> missing = new ArrayList<>();
            Optional<String> interp = elf.get().interpreter();
            if (interp.isPresent()) {
                String ip = shipPathOf(interp.get());
                Optional<Sysroot.Resolved> ir = root.resolve(ip);
                if (ir.isEmpty() || ir.get().kind() != Sysroot.Kind.FILE) {
                    missing(missing, new MissingLibrary(main.chain(), interp.get(), List.of(), ship + " -> "
                            + interp.get() + ": interpreter not found in sysroot " + root.root()));
                } else if (!byReal.containsKey(ir.get().path())) {
                    Obj io = new Obj(ip, ir.get(), elf(ir.get(), ip), main, ShipFile.Role.INTERPRETER);
                    byReal.put(ir.get().path(), io);
                }
            }
            ArrayDeque<Obj> queue = new ArrayDeque<>();
            queue.add(main);
            while (!queue.isEmpty()) {
                Obj o = queue.poll();
                if (o.elf.isEmpty()) {
                    continue;
                }
                for (String name : o.elf.get().needed()) {
                    Optional<Obj> found = find(name, o, main, rules, byReal, missing);
                    o.deps.add(new ShipFile.Dependency(name, found.map(f -> f.shipPath)));
                    if (found.isPresent() && !byReal.containsKey(found.get().res.path())) {
                        byReal.put(found.get().res.path(), found.get());
                        queue.add(found.get());
                    }
                }
            }
            List<ShipFile> files = new ArrayList<>();
            for (Obj o : byReal.values()) {
                files.add(new ShipFile(o.shipPath, o.res.path(), o.res.host(), o.res.links(), o.role, o.deps));
            }
            return new Closure.Program(requested, rules, files, missing);
        }

        private void missing(List<MissingLibrary> out, MissingLibrary m) throws MissingLibraryException {
            if (!reportMissing) {
                throw new MissingLibraryException(m);
            }
            out.add(m);
        }

        /** The object the loader would use for {@code name} needed by {@code o}; empty if missing. */
        private Optional<Obj> find(String name, Obj o, Obj main, OsRules rules, Map<String, Obj> loaded,
                List<MissingLibrary> missing) throws IOException {
            ElfHeader want = main.elf.orElseThrow().header();
            List<String> candidates = new ArrayList<>();
            List<String> searched = new ArrayList<>();
            if (name.contains("/")) {
                String p = rules == OsRules.NETBSD ? expandNetbsd(name, main) : expandLinux(name, o, want);
                candidates.add(p);
            } else {
                // a name that an object was loaded under, or its soname, is not searched again
                // (glibc _dl_name_match_p; NetBSD _rtld_load_by_name with the names headers.c adds)
                for (Obj l : loaded.values()) {
                    if (l.names.contains(name) || l.soname.filter(name::equals).isPresent()) {
                        return Optional.of(l);
                    }
                }
                searched.addAll(rules == OsRules.NETBSD ? netbsdDirs(o, main) : linuxDirs(o, want));
                for (String d : searched) {
                    candidates.add(d.equals("/") ? "/" + name : d + "/" + name);
                }
            }
            for (String c : candidates) {
                String cp = shipPathOf(c);
                Optional<Sysroot.Resolved> r = root.resolve(cp);
                if (r.isEmpty() || r.get().kind() != Sysroot.Kind.FILE) {
                    continue;
                }
                Optional<ElfFile> e = elf(r.get(), cp);
                if (e.isEmpty() || !want.isCompatibleWith(e.get().header())) {
                    continue; // not ELF, or another class or machine: the loader tries the next directory
                }
                Obj same = loaded.get(r.get().path());
                if (same != null) {
                    same.names.add(name);
                    return Optional.of(same);
                }
                Obj n = new Obj(cp, r.get(), e, o, ShipFile.Role.LIBRARY);
                n.names.add(name);
                return Optional.of(n);
            }
            String where = name.contains("/") ? "not found in sysroot " + root.root()
                    : "not found in " + (searched.isEmpty() ? "no directory" : String.join(", ", searched));
            ElfFile oe = o.elf.orElseThrow();
            String paths = "RPATH: " + oe.rpath().orElse("none");
            if (oe.runpath().isPresent()) {
                paths += ", RUNPATH: " + oe.runpath().get();
            }
            List<String> chain = o.chain();
            missing(missing, new MissingLibrary(chain, name, searched,
                    String.join(" -> ", chain) + " -> " + name + ": " + where + " (" + paths + ")"));
            return Optional.empty();
        }

        private List<String> netbsdDirs(Obj o, Obj main) throws IOException {
            if (netbsdConf == null) {
                netbsdConf = LdSoConf.netbsd(root, "/etc/ld.so.conf");
            }
            Set<String> dirs = new LinkedHashSet<>(extraLibraryPaths);
            dirs.addAll(netbsdConf);
            ElfFile e = o.elf.orElseThrow();
            // ld.elf_so (headers.c, _rtld_digest_dynamic) reads DT_RPATH only; a DT_RUNPATH-only
            // object gets its RUNPATH searched in the same place rather than silently ignored
            Optional<String> rp = e.rpath().or(e::runpath);
            if (rp.isPresent()) {
                for (String d : expandNetbsd(rp.get(), main).split(":")) {
                    if (!d.isEmpty()) {
                        dirs.add(d);
                    }
                }
            }
            dirs.add("/usr/lib");
            // a compat loader (ld.elf_so-i386 on amd64) is built with RTLD_ARCH_SUBDIR: rtld.c adds
            // /usr/lib/<subdir> after /usr/lib, where the foreign-class /usr/lib copies get skipped
            String interp = main.elf.orElseThrow().interpreter().orElse("");
            int dash = interp.lastIndexOf("/ld.elf_so-");
            if (dash >= 0 && interp.indexOf('/', dash + 1) < 0) {
                dirs.add("/usr/lib/" + interp.substring(dash + "/ld.elf_so-".length()));
            }
            return new ArrayList<>(dirs);
        }

        private List<String> linuxDirs(Obj o, ElfHeader want) throws IOException {
            Set<String> dirs = new LinkedHashSet<>();
            ElfFile e = o.elf.orElseThrow();
            if (e.runpath().isEmpty()) {
                // elf/dl-load.c: the DT_RPATH of the needing object, then of the objects that loaded it
                for (Obj l = o; l != null; l = l.loader) {
                    ElfFile le = l.elf.orElseThrow();
                    if (le.runpath().isEmpty() && le.rpath().isPresent()) {
                        split(expandLinux(le.rpath().get(), l, want), dirs);
                    }
                }
            }
            dirs.addAll(extraLibraryPaths);
            if (e.runpath().isPresent()) {
                split(expandLinux(e.runpath().get(), o, want), dirs);
            }
            if ((e.flags1() & Elf.DF_1_NODEFLIB) == 0) {
                if (linuxConf == null) {
                    linuxConf = LdSoConf.glibc(root, "/etc/ld.so.conf");
                }
                dirs.addAll(linuxConf);
                dirs.addAll(linuxDefaultDirs(want));
            }
            return new ArrayList<>(dirs);
        }

        private void split(String path, Set<String> into) {
            for (String d : path.split(":")) {
                if (!d.isEmpty()) {
                    into.add(d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d);
                }
            }
        }

        private List<String> linuxDefaultDirs(ElfHeader h) throws IOException {
            Optional<String> t = triplet(h);
            if (t.isPresent()) {
                return List.of("/lib/" + t.get(), "/usr/lib/" + t.get(), "/lib", "/usr/lib");
            }
            return h.is64() ? List.of("/lib64", "/usr/lib64") : List.of("/lib", "/usr/lib");
        }

        /** The Debian multiarch triplet whose directory exists in the sysroot, if any. */
        private Optional<String> triplet(ElfHeader h) throws IOException {
            List<String> names = switch (h.eMachine()) {
                case Elf.EM_X86_64 -> List.of(h.is64() ? "x86_64-linux-gnu" : "x86_64-linux-gnux32");
                case Elf.EM_386 -> List.of("i386-linux-gnu");
                case Elf.EM_AARCH64 -> List.of("aarch64-linux-gnu");
                case Elf.EM_ARM -> List.of("arm-linux-gnueabihf", "arm-linux-gnueabi");
                case Elf.EM_PPC64 -> List.of(h.isBigEndian() ? "powerpc64-linux-gnu" : "powerpc64le-linux-gnu");
                case Elf.EM_RISCV -> List.of("riscv64-linux-gnu");
                case 22 -> List.of("s390x-linux-gnu");
                case Elf.EM_MIPS -> List.of(h.isBigEndian() ? "mips-linux-gnu" : "mipsel-linux-gnu",
                        "mips64el-linux-gnuabi64");
                default -> List.of();
            };
            for (String n : names) {
                if (root.resolve("/lib/" + n).isPresent() || root.resolve("/usr/lib/" + n).isPresent()) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }

        /** glibc dynamic string tokens: $ORIGIN (the object's directory), $LIB, $PLATFORM. */
        private String expandLinux(String s, Obj o, ElfHeader h) throws IOException {
            if (s.indexOf('$') < 0) {
                return s;
            }
            String origin = parent(o.shipPath);
            String lib = triplet(h).map(t -> "lib/" + t).orElse(h.is64() ? "lib64" : "lib");
            return expand(s, Map.of("ORIGIN", origin, "LIB", lib, "PLATFORM", platformOf(h)));
        }

        /** ld.elf_so (expand.c): $ORIGIN is the real directory of the program, $OSNAME, $OSREL, $PLATFORM. */
        private String expandNetbsd(String s, Obj main) {
            if (s.indexOf('$') < 0) {
                return s;
            }
            ElfFile e = main.elf.orElseThrow();
            String rel = osRelease.orElseGet(() -> e.netbsdVersion().stream()
                    .mapToObj(LibraryResolver::netbsdRelease).findFirst().orElse(""));
            // the kernel hands ld.elf_so the path namei resolved (exec_package.ep_resolvedname):
            // links followed, so $ORIGIN is the real directory of the program
            return expand(s, Map.of("ORIGIN", parent(main.res.path()), "OSNAME", "NetBSD", "OSREL", rel,
                    "PLATFORM", platformOf(e.header()), "HWCAP", "", "ISALIST", ""));
        }

        private String platformOf(ElfHeader h) {
            if (platform.isPresent()) {
                return platform.get();
            }
            return switch (h.eMachine()) {
                case Elf.EM_X86_64 -> "x86_64";
                case Elf.EM_386 -> "i386";
                case Elf.EM_AARCH64 -> "aarch64";
                case Elf.EM_ARM -> "arm";
                case Elf.EM_SPARCV9 -> "sparc64";
                case Elf.EM_PPC -> "powerpc";
                case Elf.EM_PPC64 -> "powerpc64";
                case Elf.EM_RISCV -> "riscv64";
                default -> "";
            };
        }
    }

    /** {@code __NetBSD_Version__} (MMmmrrpp00) as {@code uname -r} prints it: 1000000000 is "10.0". */
    static String netbsdRelease(long v) {
        long major = v / 100000000L;
        long minor = v / 1000000L % 100;
        long patch = v / 100 % 100;
        return major + "." + minor + (patch != 0 ? "." + patch : "");
    }

    private static String parent(String path) {
        int s = path.lastIndexOf('/');
        return s <= 0 ? "/" : path.substring(0, s);
    }

    /** Collapses repeated slashes and "." components; keeps ".." (the loader opens it as it is). */
    static String normalize(String path) {
        StringBuilder b = new StringBuilder();
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            b.append('/').append(c);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    /** Replaces {@code $NAME} (not followed by a letter) and {@code ${NAME}}; unknown tokens stay. */
    static String expand(String s, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$') {
                boolean brace = i + 1 < s.length() && s.charAt(i + 1) == '{';
                int start = brace ? i + 2 : i + 1;
                boolean done = false;
                for (Map.Entry<String, String> e : values.entrySet()) {
                    String k = e.getKey();
                    if (!s.startsWith(k, start)) {
                        continue;
                    }
                    int end = start + k.length();
                    if (brace ? end < s.length() && s.charAt(end) == '}'
                            : end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '_') {
                        b.append(e.getValue());
                        i = brace ? end + 1 : end;
                        done = true;
                        break;
                    }
                }
                if (done) {
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }
}
