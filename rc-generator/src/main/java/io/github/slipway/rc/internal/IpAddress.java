package io.github.slipway.rc.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPv4 or IPv6 address with an optional {@code /prefix}, as {@code ifconfig(8)} and
 * {@code route(8)} take it, parsed by hand: {@code InetAddress} would accept host names and
 * look them up.
 *
 * <p>IPv4 is four decimal octets without leading zeros ({@code inet_aton(3)} would read
 * {@code 010} as octal 8, so a leading zero is refused rather than guessed). IPv6 follows
 * RFC 4291 2.2: up to eight groups of 1–4 hex digits, one {@code ::}, an optional dotted IPv4
 * tail; zone ids ({@code %vioif0}) are refused.
 *
 * @param text   the address as written, prefix included
 * @param ipv6   whether it is an IPv6 address
 * @param prefix the prefix length, if written
 */
public record IpAddress(String text, boolean ipv6, OptionalInt prefix) {

    /** Parses {@code text}; empty if it is not an address. */
    public static Optional<IpAddress> parse(String text) {
        String addr = text;
        OptionalInt prefix = OptionalInt.empty();
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            prefix = OptionalInt.of(Integer.parseInt(p));
            addr = text.substring(0, slash);
        }
        boolean v6 = addr.indexOf(':') >= 0;
        boolean ok = v6 ? isIpv6(addr) : isIpv4(addr);
        if (!ok || (prefix.isPresent() && prefix.getAsInt() > (v6 ? 128 : 32))) {
            return Optional.empty();
        }
        return Optional.of(new IpAddress(text, v6, prefix));
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        int groups = 0;
        String rest = s;
        // an IPv4 tail counts as two groups
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') >= 0) {
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            groups += 2;
            rest = s.substring(0, lastColon + 1);
            if (rest.endsWith(":") && !rest.endsWith("::")) {
                rest = rest.substring(0, rest.length() - 1);
            }
        }
        int dc = rest.indexOf("::");
        if (dc >= 0 && rest.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        String[] halves = dc >= 0
                ? new String[] {rest.substring(0, dc), rest.substring(dc + 2)}
                : new String[] {rest};
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String g : half.split(":", -1)) {
                if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(IpAddress::isHex)) {
                    return false;
                }
                groups++;
            }
        }
        return dc >= 0 ? groups <= 7 : groups == 8;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
