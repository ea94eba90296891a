package io.strata.events;

import io.strata.error.StrataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where webhooks may go, address by address: every internal kind refused with its reason, public addresses let
 * through, allowed blocks override, the server's own addresses refused, user:pass@ refused. Only literal
 * addresses and {@code localhost} are used, so nothing here needs a network.
 */
class DestinationsTest {

    /** Stands in for a server whose interface has a public address. */
    private static final Destinations NONE_ALLOWED = new Destinations(List.of(), () -> Set.of(address("203.0.113.9")));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1         | a loopback address",
            "127.9.9.9         | a loopback address",
            "[::1]             | a loopback address",
            "0.0.0.0           | an any-local address",
            "0.1.2.3           | an any-local address",
            "[::]              | an any-local address",
            "169.254.169.254   | a link-local address",
            "[fe80::1]         | a link-local address",
            "10.0.0.1          | a private address",
            "172.16.0.1        | a private address",
            "172.31.255.254    | a private address",
            "192.168.1.1       | a private address",
            "[fd12:3456::1]    | a private address",
            "[fc00::1]         | a private address",
            "100.64.0.1        | a shared (carrier-grade NAT) address",
            "100.127.255.254   | a shared (carrier-grade NAT) address",
            "224.0.0.1         | a multicast address",
            "[ff02::1]         | a multicast address",
            "255.255.255.255   | a reserved address",
            "240.0.0.1         | a reserved address",
            "203.0.113.9       | one of this server's own addresses",
            "[::ffff:127.0.0.1]| a loopback address",
            "[::ffff:a9fe:a9fe]| a link-local address",
            "[64:ff9b::a00:1]  | an address that carries 10.0.0.1, a private address",
            "[2002:7f00:1::]   | an address that carries 127.0.0.1, a loopback address",
    })
    void internalAddressesAreRefusedWithTheirKind(String host, String kind) {
        Optional<String> refusal = NONE_ALLOWED.refusal(URI.create("http://" + host + ":8080/hook"));
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).contains("webhook URL host \"" + host + "\"").contains(kind).contains("--webhook-allow ");
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "100.128.0.1", "172.32.0.1", "192.169.0.1", "[2001:4860:4860::8888]", "11.0.0.1"})
    void publicAddressesAreLetThrough(String host) {
        assertThat(NONE_ALLOWED.refusal(URI.create("https://" + host + "/hook"))).isEmpty();
        assertThat(NONE_ALLOWED.blocked(URI.create("https://" + host + "/hook"))).isEmpty();
    }

    @Test
    void theRefusalNamesTheBlockThatWouldAllowIt() {
        assertThat(NONE_ALLOWED.refusal(URI.create("http://127.0.0.1:9/"))).contains("webhook URL host \"127.0.0.1\" is a "
                + "loopback address; allow it with --webhook-allow 127.0.0.1/32");
        assertThat(NONE_ALLOWED.refusal(URI.create("http://[::1]:9/"))).contains("webhook URL host \"[::1]\" is a "
                + "loopback address; allow it with --webhook-allow 0:0:0:0:0:0:0:1/128");
    }

    @Test
    void aNameIsJudgedByWhatItResolvesTo() {
        Optional<String> refusal = NONE_ALLOWED.refusal(URI.create("http://localhost:8080/api/v1/schemas"));
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).startsWith("webhook URL host \"localhost\" resolves to ").contains("a loopback address");
        // A number is a name too: the resolver reads 2130706433 as 127.0.0.1.
        assertThat(NONE_ALLOWED.refusal(URI.create("http://2130706433/"))).hasValueSatisfying(r ->
                assertThat(r).contains("resolves to 127.0.0.1, a loopback address"));
    }

    @Test
    void allowedBlocksOverrideEveryKindAndOnlyThoseAddresses() {
        Destinations allowing = new Destinations(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.1.0.0/16"),
                Cidr.parse("203.0.113.9")), () -> Set.of(address("203.0.113.9")));
        assertThat(allowing.refusal(URI.create("http://127.0.0.1:9/"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://10.1.200.3/"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://203.0.113.9/"))).isEmpty();
        assertThat(allowing.blocked(URI.create("http://127.0.0.1:9/"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.2/"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://10.2.0.1/"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://[::1]/"))).as("an IPv4 block holds no IPv6 address").isPresent();
    }

    @Test
    void theServersRealInterfaceAddressesAreItsOwn() {
        Set<InetAddress> own = Destinations.interfaceAddresses();
        assertThat(own).anyMatch(InetAddress::isLoopbackAddress);
        Destinations real = new Destinations(List.of());
        for (InetAddress a : own) {
            String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]" : a.getHostAddress();
            assertThat(real.refusal(URI.create("http://" + host + "/"))).as(host).isPresent();
        }
    }

    @Test
    void aUserNameOrPasswordInTheUrlIsRefusedAtCreationAndDelivery() {
        URI withPassword = URI.create("https://bob:hunter2@hooks.example.com/in");
        assertThat(NONE_ALLOWED.refusal(withPassword)).hasValueSatisfying(r -> assertThat(r)
                .contains("\"hooks.example.com\"").contains("user:pass@").doesNotContain("hunter2"));
        assertThat(NONE_ALLOWED.blocked(withPassword)).hasValueSatisfying(r -> assertThat(r.error())
                .startsWith("refused-destination: ").doesNotContain("hunter2"));
        assertThat(NONE_ALLOWED.refusal(URI.create("https://bob@8.8.8.8/in"))).isPresent();
    }

    @Test
    void aDeliveryToAnInternalAddressIsRefusedAndOneToAnUnknownNameFailsLikeAnyConnection() {
        assertThat(NONE_ALLOWED.blocked(URI.create("http://169.254.169.254/latest/meta-data/"))).hasValueSatisfying(r -> {
            assertThat(r.statusClass()).isEqualTo("refused-destination");
            assertThat(r.error()).contains("a link-local address");
            assertThat(r.retryable()).isFalse();
        });
        // .invalid never resolves (RFC 6761); creation lets it through, since each delivery checks again.
        URI unknown = URI.create("https://hooks.invalid/in");
        assertThat(NONE_ALLOWED.refusal(unknown)).isEmpty();
        assertThat(NONE_ALLOWED.blocked(unknown)).hasValueSatisfying(r -> {
            assertThat(r.statusClass()).isEqualTo("connection-failed");
            assertThat(r.error()).isEqualTo(new AttemptResult.ConnectionFailed().error());
        });
    }

    @Test
    void blocksAreParsedFromLiteralsOnly() {
        assertThat(Cidr.parse("10.1.0.0/16").contains(address("10.1.255.7"))).isTrue();
        assertThat(Cidr.parse("10.1.0.0/16").contains(address("10.2.0.1"))).isFalse();
        assertThat(Cidr.parse("100.64.0.0/10").contains(address("100.127.0.1"))).isTrue();
        assertThat(Cidr.parse("100.64.0.0/10").contains(address("100.128.0.1"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse(" 127.0.0.1 ").toString()).isEqualTo("127.0.0.1/32");
        for (String bad : List.of("localhost", "example.com/24", "ab.cd", "10.0.0.0/33", "10.0.0.0/x", "1.2.3.4.5", "", "::1/129")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(StrataException.class)
                    .hasMessageContaining("is not an address block").hasMessageContaining("10.1.0.0/16");
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
