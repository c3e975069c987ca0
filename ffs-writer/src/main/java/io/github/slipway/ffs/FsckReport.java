package io.github.slipway.ffs;

import java.util.List;

/**
 * What {@link FfsChecker} found in an image: the findings in phase order and the summary numbers.
 *
 * <pre>{@code
 * FsckReport r = FfsChecker.check(image);
 * if (!r.isClean()) r.findings().forEach(f -> System.err.println(f.message()));
 * System.out.println(r.summary().line());
 * }</pre>
 *
 * @param image the image's name
 * @param findings every inconsistency, in the order the phases met them
 * @param summary the numbers of fsck_ffs' summary line
 */
public record FsckReport(String image, List<FsckFinding> findings, FsckSummary summary) {
    /**
     * Copies the list.
     *
     * @param image the image's name
     * @param findings every inconsistency, in the order the phases met them
     * @param summary the numbers of fsck_ffs' summary line
     */
    public FsckReport {
        findings = List.copyOf(findings);
    }

    /** {@return whether nothing was found} */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * {@return the findings with this code}
     *
     * @param code a finding code
     */
    public List<FsckFinding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }
}
