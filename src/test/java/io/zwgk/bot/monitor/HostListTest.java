package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HostListTest {
  private static boolean allows(List<String> entries, String url) {
    return HostList.allows(entries, URI.create(url));
  }

  @Test
  @DisplayName("a host without a port allows ports 80 and 443 only")
  void bareHost() {
    List<String> hosts = List.of("www.xinfeng.gov.cn", "localhost");
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn/a")).isTrue();
    assertThat(allows(hosts, "https://WWW.xinfeng.gov.cn/a")).isTrue();
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn:443/a")).isTrue();
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn:8080/a")).isFalse();
    assertThat(allows(hosts, "http://localhost:6379/")).isFalse();
    assertThat(allows(hosts, "http://other.cn/")).isFalse();
  }

  @Test
  @DisplayName("host:port allows that port, and not the default ports unless the host is listed too")
  void hostAndPort() {
    List<String> hosts = List.of("www.xinfeng.gov.cn:8080");
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn:8080/a")).isTrue();
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn/a")).isFalse();
    assertThat(allows(hosts, "http://www.xinfeng.gov.cn:8081/a")).isFalse();
    assertThat(HostList.names(hosts, "www.xinfeng.gov.cn")).isTrue();
    assertThat(HostList.entryPort("a.cn:99999")).isEqualTo(-1);
  }
}
