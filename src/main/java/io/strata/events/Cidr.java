package io.strata.events;

import io.strata.error.StrataException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A Cidr is a block of IP addresses written {@code address/prefix} ({@code 10.1.0.0/16}, {@code fd00::/8}); a bare
 * address is a block of one. Webhooks may be delivered to addresses inside an allowed block even when they are
 * loopback, private or the server's own.
 */
public record Cidr(InetAddress network, int prefix) {

    /** A dotted IPv4 address or an IPv6 one: text that {@link InetAddress#getByName} parses without a lookup. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw StrataException.badInput("the prefix of " + network.getHostAddress() + "/" + prefix
                    + " must be between 0 and " + bits);
        }
    }

    /** The block {@code text} names; refuses host names, which would be resolved once and then trusted. */
    public static Cidr parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!LITERAL.matcher(address).matches()) {
            throw StrataException.badInput("\"" + clip(t) + "\" is not an address block: write it as an IP address with"
                    + " an optional prefix length, like 10.1.0.0/16, 127.0.0.1/32 or fd00::/8");
        }
        InetAddress network;
        try {
            // A literal (checked above) is parsed, never looked up.
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw StrataException.badInput("\"" + clip(t) + "\" is not an address block: \"" + clip(address)
                    + "\" is not an IP address");
        }
        int bits = network.getAddress().length * 8;
        int prefix = -1;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            // Reported below with an out-of-range one.
        }
        if (prefix < 0 || prefix > bits) {
            throw StrataException.badInput("\"" + clip(t) + "\" is not an address block: the prefix length after / must"
                    + " be a number from 0 to " + bits + ", like 10.1.0.0/16");
        }
        return new Cidr(network, prefix);
    }

    /** Whether {@code address} lies inside this block; an IPv4 block holds no IPv6 address, nor the reverse. */
    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] a = address.getAddress();
        if (net.length != a.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (net[i] != a[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (net[whole] & mask) == (a[whole] & mask);
    }

    /** The block of exactly {@code address}, as the hint in a refusal writes it. */
    public static Cidr of(InetAddress address) {
        return new Cidr(address, address.getAddress().length * 8);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private static String clip(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
