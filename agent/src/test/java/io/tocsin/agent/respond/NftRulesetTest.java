package io.tocsin.agent.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesetTest {

  @Test
  void dropsEverythingExceptLoopbackTheServerAndDns() throws Exception {
    String rules =
        NftRuleset.isolate(
            List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("2001:db8::7")),
            8443,
            List.of(InetAddress.getByName("127.0.0.53"), InetAddress.getByName("10.0.0.2")));
    assertThat(rules)
        .isEqualTo(
            """
            table inet tocsin_isolation {}
            delete table inet tocsin_isolation
            table inet tocsin_isolation {
              chain input {
                type filter hook input priority -100; policy drop;
                iif "lo" accept
                ip saddr 10.0.0.2 udp sport 53 ct state established accept
                ip saddr 10.0.0.2 tcp sport 53 ct state established accept
                ip saddr 10.1.2.3 tcp sport 8443 ct state established accept
                ip6 saddr 2001:db8:0:0:0:0:0:7 tcp sport 8443 ct state established accept
              }
              chain forward {
                type filter hook forward priority -100; policy drop;
              }
              chain output {
                type filter hook output priority -100; policy drop;
                oif "lo" accept
                ip daddr 10.0.0.2 udp dport 53 accept
                ip daddr 10.0.0.2 tcp dport 53 accept
                ip daddr 10.1.2.3 tcp dport 8443 accept
                ip6 daddr 2001:db8:0:0:0:0:0:7 tcp dport 8443 accept
              }
            }
            """);
  }

  @Test
  void releaseDeletesOnlyOurTable() {
    assertThat(NftRuleset.releaseCommand())
        .containsExactly("nft", "delete", "table", "inet", "tocsin_isolation");
    assertThat(NftRuleset.applyCommand()).containsExactly("nft", "-f", "-");
  }
}
