package io.seamline.adapters.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps partner-supplied targets (webhooks, partners' HTTP, AS2 and SFTP addresses) from reaching inside: every
 * address the host resolves to must be public — not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata service, fe80::/10), carrier-grade NAT (100.64/10), unspecified,
 * multicast or broadcast — and no IPv6 form that carries an IPv4 address to somewhere else (IPv4-mapped and
 * -compatible addresses are judged by the IPv4 inside; NAT64 {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4
 * {@code 2002::/16} and Teredo {@code 2001::/32} are refused). An IPv4 address must be written as four decimal numbers:
 * octal ({@code 0177.0.0.1}), hexadecimal ({@code 0x7f000001}), single-number ({@code 2130706433}) and short
 * ({@code 127.1}) forms, which resolvers read differently, are refused. A target named in {@code allowed}
 * ({@code host:port}) passes anyway, for a deployment's own internal receivers.
 */
public final class TargetGuard {

    private final Set<String> allowed;

    public TargetGuard(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Why an http(s) URL may not be called, or empty when it may (resolving its host now). */
    public Optional<String> refusal(String url) {
        return check(url, Set.of("http", "https"), true);
    }

    /**
     * Why a URL with one of {@code schemes} may not be configured as a partner's address: as {@link #refusal}, except
     * that a host that does not resolve yet passes (it is checked again before every delivery).
     */
    public Optional<String> configurationProblem(String url, Set<String> schemes) {
        return check(url, schemes, false);
    }

    /** Why a URL with one of {@code schemes} may not be reached now (resolving its host now). */
    public Optional<String> refusal(String url, Set<String> schemes) {
        return check(url, schemes, true);
    }

    private Optional<String> check(String url, Set<String> schemes, boolean mustResolve) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            return Optional.of(
                    "only " + String.join(" and ", schemes.stream().sorted().toList()) + " URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null) {
            return Optional.of("the URL needs a host and no user information");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains(bare.toLowerCase(Locale.ROOT) + ":" + port)) {
            return Optional.empty();
        }
        Optional<String> ambiguous = ambiguousIpv4(bare);
        if (ambiguous.isPresent()) {
            return ambiguous;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return mustResolve ? Optional.of("the host " + bare + " does not resolve") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of(bare + " resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local, metadata or a tunnel to one)");
            }
        }
        return Optional.empty();
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "sftp" -> 22;
            default -> 80;
        };
    }

    /**
     * A host that reads as an IPv4 address in some resolver's eyes but is not the four decimal numbers everyone reads
     * alike: {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 2130706433}, {@code 127.1}.
     */
    static Optional<String> ambiguousIpv4(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = name.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!part.matches("0[xX][0-9a-fA-F]*|[0-9]+")) {
                return Optional.empty(); // a name, not a number
            }
        }
        boolean canonical = parts.length == 4;
        for (String part : parts) {
            canonical &= part.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(part) <= 255;
        }
        return canonical
                ? Optional.empty()
                : Optional.of(host + " is not an IPv4 address written as four decimal numbers (octal, hexadecimal,"
                        + " single-number and short forms are refused)");
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (w0 == 0x64 && w1 == 0xff9b && (w2 == 0 || w2 == 1)) {
                return true; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48: an IPv4 address behind a translator
            }
            if (w0 == 0x2002 || (w0 == 0x2001 && w1 == 0) || (w0 == 0x2001 && w1 == 0x0db8)) {
                return true; // 6to4, Teredo, documentation
            }
            if (w0 == 0x0100 && w1 == 0 && w2 == 0 && b[6] == 0 && b[7] == 0) {
                return true; // discard-only 100::/64
            }
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible addresses: judge the IPv4 inside
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || (b[10] == 0 && b[11] == 0))) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
