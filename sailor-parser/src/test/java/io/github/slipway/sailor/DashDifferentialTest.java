package io.github.slipway.sailor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ConfReader against dash, the oracle: seeded random confs ({@link ConfGenerator}) are sourced by
 * {@code dash} and every variable's value (and whether it is set) compared; then sailor's own
 * {@code grep "^run_at_X" conf | while read line; do eval ${line}; ...} loop runs in dash and each
 * command it would run is compared with {@link ShipConfig#runAt(Phase)}. Many confs share one
 * dash process (each in its own subshell) to keep this fast. A failure names its seed.
 */
class DashDifferentialTest {
    static final int CONFS = 2400;
    static final int BATCH = 300;
    static final long FIRST_SEED = 20_260_000L;
    private static final String US = "\u001f";
    private static final String RS = "\u001e";

    @TempDir
    Path tmp;

    /** What one conf gives: per variable set-flag and value; per phase the commands and "OK"/"ERR". */
    record Outcome(List<Optional<String>> vars, List<List<String>> runAt, List<Boolean> runAtOk) {
    }

    @Test
    void valuesAndRunAtCommandsEqualDashs() throws Exception {
        Path confs = Files.createDirectories(tmp.resolve("confs"));
        // sailor's eval globs against its working directory: an empty one per conf, so that a
        // file a redirection in one generated run_at line creates cannot match in another
        Path cwd = Files.createDirectories(tmp.resolve("empty"));
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int values = 0;
        int commands = 0;
        int rejected = 0;
        int sourcingRejected = 0;
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (long start = FIRST_SEED; start < FIRST_SEED + CONFS; start += BATCH) {
            StringBuilder script = new StringBuilder();
            List<Long> seeds = new ArrayList<>();
            for (long seed = start; seed < Math.min(start + BATCH, FIRST_SEED + CONFS); seed++) {
                Path f = confs.resolve("c" + seed + ".conf");
                Files.writeString(f, conf(confs, seed), StandardCharsets.UTF_8);
                seeds.add(seed);
                Path dir = Files.createDirectories(tmp.resolve("cwd").resolve(Long.toString(seed)));
                script.append("cd ").append(sq(dir.toString())).append('\n');
                script.append(dashScript(f, home(seed)));
            }
            List<String> records = runDash(script.toString(), cwd);
            for (int i = 0; i < seeds.size(); i++) {
                long seed = seeds.get(i);
                Path f = confs.resolve("c" + seed + ".conf");
                Outcome dash = i < records.size() ? parse(records.get(i)) : null;
                Outcome ours;
                String error = null;
                try {
                    ours = ours(f, home(seed));
                } catch (ConfException e) {
                    ours = null;
                    error = e.getMessage();
                }
                compared++;
                if (dash == null) {
                    failures.add("seed " + seed + ": dash gave no record");
                    continue;
                }
                if (ours == null) {
                    // only acceptable when sailor's run_at loop itself dies in dash
                    // sailor's eval would run a command, a pipeline, a redirection or a job on the
                    // host, or read its own special parameters: slipway refuses such a line
                    boolean inRunAt = error.contains(" line fail: ");
                    if (!inRunAt && dash.vars().isEmpty()) {
                        sourcingRejected++; // both refuse to source it
                        continue;
                    }
                    if (inRunAt && (dash.runAtOk().contains(false) || error.contains("shell operator")
                            || error.contains("special parameter") || error.contains("command substitution"))) {
                        rejected++;
                        reasons.merge(error.replaceAll(".* line fail: ", "").replaceAll("[`'(].*", ""), 1, Integer::sum);
                        continue;
                    }
                    failures.add("seed " + seed + ": slipway failed (" + error + ") but dash did not");
                    continue;
                }
                if (!ours.vars().equals(dash.vars())) {
                    failures.add("seed " + seed + ": values differ\n  dash:    " + dash.vars()
                            + "\n  slipway: " + ours.vars());
                    continue;
                }
                if (dash.runAtOk().contains(false)) {
                    failures.add("seed " + seed + ": dash's run_at loop failed but slipway's did not: " + ours.runAt());
                    continue;
                }
                if (!ours.runAt().equals(dash.runAt())) {
                    failures.add("seed " + seed + ": run_at commands differ\n  dash:    " + dash.runAt()
                            + "\n  slipway: " + ours.runAt());
                    continue;
                }
                values += ConfGenerator.VARS.size();
                commands += dash.runAt().get(0).size() + dash.runAt().get(1).size();
            }
        }
        if (!failures.isEmpty()) {
            String first = failures.get(0);
            long seed = Long.parseLong(first.substring(5, first.indexOf(':')));
            fail(failures.size() + " of " + compared + " confs differ from dash; first:\n" + first
                    + "\n" + String.join("\n", failures.subList(1, Math.min(6, failures.size())))
                    + "\n--- conf of seed " + seed + " ---\n" + conf(confs, seed)
                    + failures.stream().skip(1).limit(4).map(f -> f.substring(5, f.indexOf(':')))
                            .map(x -> "\n--- conf of seed " + x + " ---\n"
                                    + new ConfGenerator(Long.parseLong(x)).conf()).reduce("", String::concat)
                    + "\n(seeds divisible by 4 also include inc<seed>.vars = new ConfGenerator(~seed).conf())"
                    + "\n--- other failing seeds: " + failures.stream().skip(1).limit(20)
                    .map(s -> s.substring(5, s.indexOf(':'))).toList());
        }
        // the figures, for the record (no System.out in tests)
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "dash-differential.txt"), String.format(
                "confs %d, variable values compared %d, run_at commands compared %d,"
                        + " confs whose run_at eval fails in dash and slipway alike, or runs something slipway"
                        + " refuses %d, confs neither sources %d%n",
                compared, values, commands, rejected, sourcingRejected) + reasons + "\n");
        assertThat(compared).isEqualTo(CONFS);
        // the generator must exercise the run_at loop, not only plain values
        assertThat(commands).as("run_at commands compared").isGreaterThan(CONFS);
        assertThat(values).isGreaterThan(CONFS * 6);
        assertThat(rejected).as("confs whose run_at eval fails in both").isLessThan(CONFS / 8);
    }

    /**
     * The conf of {@code seed}; one in four includes another generated conf by absolute path
     * (its variables count, its run_at lines are not grep'd).
     */
    static String conf(Path dir, long seed) throws IOException {
        if (seed % 4 != 0) {
            return new ConfGenerator(seed).conf();
        }
        Path inc = dir.resolve("inc" + seed + ".vars");
        Files.writeString(inc, new ConfGenerator(~seed).conf(), StandardCharsets.UTF_8);
        return new ConfGenerator(seed).conf(inc.toString());
    }

    /** HOME comes from the caller for two seeds in three, and is unset otherwise. */
    static Optional<String> home(long seed) {
        return seed % 3 == 0 ? Optional.empty() : Optional.of("/home/u " + (seed % 7));
    }

    private static String sq(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String dashScript(Path f, Optional<String> home) {
        String pre = home.map(h -> "HOME=" + sq(h) + "; ").orElse("unset HOME; ");
        StringBuilder b = new StringBuilder();
        b.append("( ").append(pre).append(". ").append(sq(f.toString())).append(" 2>/dev/null; ");
        for (String v : ConfGenerator.VARS) {
            b.append("printf '%s").append("\\037").append("%s").append("\\037' \"${").append(v).append("+1}\" \"$")
                    .append(v).append("\"; ");
        }
        b.append(")\n");
        for (String key : List.of("run_at_build", "run_at_start")) {
            b.append("( ").append(pre).append(". ").append(sq(f.toString())).append(" 2>/dev/null; ")
                    .append("grep \"^").append(key).append("\" ").append(sq(f.toString()))
                    .append(" | while read line; do eval ${line}; st=$?; [ -n \"$!\" ] && st=bg;")
                    .append(" printf '%s:%s\\035' \"$st\" \"$").append(key)
                    .append("\"; done && printf 'OK\\034' || printf 'ERR\\034' ) 2>/dev/null\n");
        }
        b.append("printf '\\036'\n");
        return b.toString();
    }

    private static List<String> runDash(String script, Path cwd) throws IOException, InterruptedException {
        Path file = cwd.resolveSibling("batch.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("dash", file.toString()).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dash did not finish");
        }
        String all = out.toString(StandardCharsets.UTF_8);
        List<String> recs = new ArrayList<>(List.of(all.split(RS, -1)));
        recs.remove(recs.size() - 1);
        return recs;
    }

    private static Outcome parse(String rec) {
        int firstLoop = rec.indexOf("\u001c") < 0 ? rec.length() : 0;
        // the variables part: 2 fields per variable, each ended by US
        List<Optional<String>> vars = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < ConfGenerator.VARS.size(); i++) {
            int a = rec.indexOf(US, pos);
            int b = a < 0 ? -1 : rec.indexOf(US, a + 1);
            if (b < 0) {
                return new Outcome(List.of(), List.of(), List.of(false));
            }
            String flag = rec.substring(pos, a);
            vars.add(flag.equals("1") ? Optional.of(rec.substring(a + 1, b)) : Optional.empty());
            pos = b + 1;
        }
        List<List<String>> runAt = new ArrayList<>();
        List<Boolean> ok = new ArrayList<>();
        String rest = rec.substring(pos);
        for (String loop : rest.split("\u001c", -1)) {
            if (runAt.size() == 2) {
                break;
            }
            boolean good = loop.endsWith("OK");
            String body = loop.substring(0, Math.max(0, loop.length() - (good ? 2 : 3)));
            List<String> cmds = new ArrayList<>(List.of(body.split("\u001d", -1)));
            cmds.remove(cmds.size() - 1);
            // "status:value": a non-zero status means sailor's eval ran a command (or a job)
            for (int k = 0; k < cmds.size(); k++) {
                String c = cmds.get(k);
                int colon = c.indexOf(':');
                if (!c.substring(0, colon).equals("0")) {
                    good = false;
                }
                cmds.set(k, c.substring(colon + 1));
            }
            runAt.add(cmds);
            ok.add(good);
        }
        assert firstLoop >= 0;
        return new Outcome(vars, runAt, ok);
    }

    private static Outcome ours(Path f, Optional<String> home) throws IOException {
        ConfReader.Builder b = ConfReader.builder();
        home.ifPresent(h -> b.variable("HOME", h));
        ShipConfig s = b.build().read(f);
        List<Optional<String>> vars = new ArrayList<>();
        for (String v : ConfGenerator.VARS) {
            vars.add(s.get(v));
        }
        List<List<String>> runAt = new ArrayList<>();
        for (Phase p : List.of(Phase.BUILD, Phase.START)) {
            runAt.add(s.runAt(p).stream().map(RunCommand::command).toList());
        }
        return new Outcome(vars, runAt, List.of(true, true));
    }
}
