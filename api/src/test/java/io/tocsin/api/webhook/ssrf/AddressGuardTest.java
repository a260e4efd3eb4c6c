package io.tocsin.api.webhook.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard with private receivers refused (the default). */
class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(false);
  private final AddressGuard lenient = new AddressGuard(true);

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.8.9.10, loopback",
    "::1, loopback",
    "10.1.2.3, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "169.254.10.10, link-local",
    "fe80::1, link-local",
    "fc00::1, unique-local",
    "fd12:3456::1, unique-local",
    "100.64.0.1, carrier-grade NAT",
    "100.127.255.254, carrier-grade NAT",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "::, unspecified",
    "224.0.0.1, multicast",
    "ff02::1, multicast",
    "169.254.169.254, cloud metadata",
    "fd00:ec2::254, cloud metadata",
    "255.255.255.255, broadcast",
    "::ffff:127.0.0.1, loopback",
    "::ffff:10.0.0.1, private",
    "64:ff9b::a00:1, private",
    "::7f00:1, loopback"
  })
  void refusedByDefault(String address, String kind) throws Exception {
    assertThat(guard.refusal(InetAddress.getByName(address)))
        .hasValueSatisfying(why -> assertThat(why).contains(kind));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1"})
  void publicAddressesAllowed(String address) throws Exception {
    assertThat(guard.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.168.0.1", "::1", "fc00::1"})
  void allowPrivateLetsPrivateReceiversThrough(String address) throws Exception {
    assertThat(lenient.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "224.0.0.1"})
  void metadataAndMulticastRefusedEvenWhenPrivateAllowed(String address) throws Exception {
    assertThat(lenient.refusal(InetAddress.getByName(address))).isPresent();
  }

  @Test
  void urlsCheckedForSchemeHostCredentialsAndEveryAddress() {
    assertThatThrownBy(() -> guard.checkUrl("ftp://example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> guard.checkUrl("file:///etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guard.checkUrl("http:///nohost"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guard.checkUrl("http://127.0.0.1:8080/hook"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("TOCSIN_WEBHOOK_ALLOW_PRIVATE");
    assertThatThrownBy(() -> guard.checkUrl("http://[::1]/hook"))
        .isInstanceOf(BlockedAddressException.class);
    assertThatThrownBy(() -> guard.checkUrl("http://localhost/hook"))
        .isInstanceOf(BlockedAddressException.class);

    AddressGuard mixed =
        new AddressGuard(
            false,
            host ->
                new InetAddress[] {
                  InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")
                });
    assertThatThrownBy(() -> mixed.checkUrl("https://hooks.example.com/x"))
        .as("one private answer among public ones is enough to refuse")
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("10.0.0.5");
  }

  @Test
  void dnsRebindingCaughtAtDeliveryTime() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    AddressGuard rebinding =
        new AddressGuard(
            false,
            host ->
                new InetAddress[] {
                  InetAddress.getByName(
                      lookups.incrementAndGet() == 1 ? "93.184.216.34" : "169.254.169.254")
                });
    rebinding.checkUrl("https://rebind.example.com/hook");
    GuardedDnsResolver resolver = new GuardedDnsResolver(rebinding);
    assertThatThrownBy(() -> resolver.resolve("rebind.example.com"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("cloud metadata");
  }

  @Test
  void resolverHandsTheClientOnlyTheCheckedAddresses() throws Exception {
    InetAddress checked = InetAddress.getByName("93.184.216.34");
    GuardedDnsResolver resolver =
        new GuardedDnsResolver(new AddressGuard(false, host -> new InetAddress[] {checked}));
    assertThat(resolver.resolve("hooks.example.com")).containsExactly(checked);
  }
}
