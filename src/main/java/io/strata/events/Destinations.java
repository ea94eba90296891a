package io.strata.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Destinations is where this server may deliver webhooks: never to a URL carrying a user name or password, nor
 * to a host that resolves to a loopback, any-local, link-local, private (RFC 1918, fc00::/7), shared (100.64/10),
 * multicast or reserved address, or to one of the server's own addresses, unless every such address lies inside a
 * block the operator allowed ({@code --webhook-allow}). Otherwise anyone who may create a webhook could make the
 * server call its own API, its cloud's metadata service, or the services beside it.
 * <p>
 * Hosts are resolved on every check: at creation, and before each delivery attempt, since a name may point
 * elsewhere by then. The HTTP client resolves the name again when it connects, but the JVM caches the answer
 * (30 s by default), so it connects to the address checked here.
 */
final class Destinations {

    private static final List<Cidr> SHARED = List.of(Cidr.parse("100.64.0.0/10"));
    private static final List<Cidr> THIS_NETWORK = List.of(Cidr.parse("0.0.0.0/8"));
    private static final List<Cidr> RESERVED = List.of(Cidr.parse("240.0.0.0/4"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("198.18.0.0/15"));
    private static final List<Cidr> UNIQUE_LOCAL = List.of(Cidr.parse("fc00::/7"));
    /** IPv6 blocks that carry an IPv4 address in their last 32 bits (NAT64) or in bits 16 to 48 (6to4). */
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;
    private final Supplier<Set<InetAddress>> ownAddresses;

    /** Destinations allowed inside {@code allowed}, with the server's own addresses read from its interfaces. */
    Destinations(List<Cidr> allowed) {
        this(allowed, Destinations::interfaceAddresses);
    }

    Destinations(List<Cidr> allowed, Supplier<Set<InetAddress>> ownAddresses) {
        this.allowed = List.copyOf(allowed);
        this.ownAddresses = ownAddresses;
    }

    /**
     * Why a webhook may not be created for {@code uri}, naming its host; empty when it may. A host that does not
     * resolve now is let through: every delivery checks it again.
     */
    Optional<String> refusal(URI uri) {
        Optional<String> malformed = malformed(uri);
        if (malformed.isPresent()) {
            return malformed;
        }
        try {
            return refusal(uri.getHost(), InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** What keeps one delivery attempt to {@code uri} from being sent; empty when it may go. */
    Optional<AttemptResult> blocked(URI uri) {
        Optional<String> malformed = malformed(uri);
        if (malformed.isPresent()) {
            return malformed.map(AttemptResult.Refused::destination);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            // Said like any other failure to connect: the log must not tell a name that exists from one that does not.
            return Optional.of(new AttemptResult.ConnectionFailed());
        }
        return refusal(uri.getHost(), addresses).map(AttemptResult.Refused::destination);
    }

    private static Optional<String> malformed(URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // Checked before resolving: the resolver reads no host as the loopback address.
            return Optional.of("webhook URL \"" + uri.getScheme() + "://...\" names no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("webhook URL host \"" + uri.getHost() + "\" is written with a user name or password"
                    + " (user:pass@), which webhooks do not send: receivers check the X-Strata-Signature header instead");
        }
        return Optional.empty();
    }

    /** Why {@code host}, resolved to {@code addresses}, may not be called: the first address refused, if any. */
    private Optional<String> refusal(String host, InetAddress[] addresses) {
        Set<InetAddress> own = null;
        for (InetAddress address : addresses) {
            if (allowed.stream().anyMatch(c -> c.contains(address))) {
                continue;
            }
            Optional<String> kind = kind(address);
            if (kind.isEmpty()) {
                own = own == null ? ownAddresses.get() : own;
                if (own.stream().anyMatch(o -> Arrays.equals(o.getAddress(), address.getAddress()))) {
                    kind = Optional.of("one of this server's own addresses");
                }
            }
            if (kind.isPresent()) {
                boolean literal = host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
                return Optional.of("webhook URL host \"" + host + "\" " + (literal ? "is " : "resolves to "
                        + address.getHostAddress() + ", ") + kind.get() + "; allow it with --webhook-allow " + Cidr.of(address));
            }
        }
        return Optional.empty();
    }

    /** What kind of address no webhook goes to unless allowed {@code address} is, if it is one. */
    static Optional<String> kind(InetAddress address) {
        String kind = null;
        if (address.isAnyLocalAddress() || in(THIS_NETWORK, address)) {
            kind = "an any-local address";
        } else if (address.isLoopbackAddress()) {
            kind = "a loopback address";
        } else if (address.isLinkLocalAddress()) {
            kind = "a link-local address";
        } else if (address.isSiteLocalAddress() || in(UNIQUE_LOCAL, address)) {
            kind = "a private address";
        } else if (in(SHARED, address)) {
            kind = "a shared (carrier-grade NAT) address";
        } else if (address.isMulticastAddress()) {
            kind = "a multicast address";
        } else if (in(RESERVED, address) || isBroadcast(address)) {
            kind = "a reserved address";
        }
        if (kind != null) {
            return Optional.of(kind);
        }
        return embeddedIpv4(address).flatMap(v4 -> kind(v4).map(k -> "an address that carries " + v4.getHostAddress()
                + ", " + k));
    }

    private static boolean in(List<Cidr> blocks, InetAddress address) {
        return blocks.stream().anyMatch(c -> c.contains(address));
    }

    private static boolean isBroadcast(InetAddress address) {
        return address instanceof Inet4Address && Arrays.equals(address.getAddress(), new byte[]{-1, -1, -1, -1});
    }

    /** The IPv4 address an IPv6 one routes to: IPv4-compatible (::a.b.c.d), NAT64 or 6to4. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return Optional.empty();
        }
        byte[] b = v6.getAddress();
        int from = -1;
        if (v6.isIPv4CompatibleAddress() || NAT64.contains(v6)) {
            from = 12;
        } else if (SIX_TO_FOUR.contains(v6)) {
            from = 2;
        }
        if (from < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** Every address of this machine's network interfaces, read anew each time: interfaces come and go. */
    static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> out = new HashSet<>();
        try {
            NetworkInterface.networkInterfaces().forEach(i -> i.inetAddresses().forEach(out::add));
        } catch (SocketException e) {
            // Without the list the other checks still hold; loopback and private addresses are refused regardless.
            return out;
        }
        return out;
    }
}
