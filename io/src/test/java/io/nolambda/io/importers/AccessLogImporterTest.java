package io.nolambda.io.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected numbers were taken from the file with python3 (csv, hashlib, and the os and region
 * rules as documented on {@link UserAgents} and {@link IpRegions}), independently of this code.
 */
class AccessLogImporterTest {
  private static ImportResult<AssetEvent> real;

  @BeforeAll
  static void readRealFile() throws IOException {
    AccessLogImporter importer = new AccessLogImporter();
    real = importer.read(TestData.file(importer.defaultFile()));
  }

  private static AssetEvent line(int line) {
    return real.events().get(line - 2); // one event per row, no multi-line rows
  }

  @Test
  void readsEveryRowOfTheRealFile() {
    assertThat(real.rowsRead()).isEqualTo(9_999);
    assertThat(real.events()).hasSize(9_999);
    assertThat(real.rejected()).isEmpty();
  }

  @Test
  void firstRow() {
    AssetEvent first = line(2);
    assertThat(first.getEventId()).isEqualTo("weblog:b5924f479a908193");
    assertThat(first.getEventTime()).as("2015-05-17T10:05:03Z").isEqualTo(1_431_857_103_000L);
    assertThat(first.getAssetId())
        .isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
    assertThat(first.getAction()).isEqualTo(AssetAction.VIEW);
    assertThat(first.getOs()).isEqualTo("macos");
    assertThat(first.getRegion()).isEqualTo("ip064-095");
    assertThat(first.getUserId()).isEqualTo("83.149.9.216");
  }

  @Test
  void assetIdDropsTheQuery() {
    assertThat(line(33).getAssetId()).isEqualTo("/blog/tags/puppet"); // ?flav=rss20
    assertThat(line(33).getOs()).isEqualTo("bot"); // UniversalFeedParser
    assertThat(real.events().stream().map(AssetEvent::getAssetId).distinct()).hasSize(1_368);
  }

  @Test
  void actionsByMethod() {
    assertThat(line(5010).getAction()).as("POST").isEqualTo(AssetAction.CLICK);
    assertThat(line(689).getAction()).as("HEAD").isEqualTo(AssetAction.VIEW);
    assertThat(line(9158).getAction()).as("OPTIONS").isEqualTo(AssetAction.VIEW);
    assertThat(line(9158).getOs()).as("Microsoft Office Protocol Discovery").isEqualTo("other");
    assertThat(
            real.events().stream()
                .collect(Collectors.groupingBy(AssetEvent::getAction, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(AssetAction.VIEW, 9_951L + 42 + 1, AssetAction.CLICK, 5L));
  }

  @Test
  void truncatedUserAgentIsOther() {
    assertThat(line(3068).getOs()).isEqualTo("other"); // user agent "&as_qdr=all"
    assertThat(line(3068).getRegion()).isEqualTo("ip000-031");
  }

  @Test
  void osAndRegionDistributions() {
    assertThat(
            real.events().stream()
                .collect(Collectors.groupingBy(AssetEvent::getOs, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "android", 187L,
                "bot", 2_429L,
                "ios", 148L,
                "linux", 2_054L,
                "macos", 1_376L,
                "other", 324L,
                "unknown", 190L,
                "windows", 3_291L));
    assertThat(
            real.events().stream()
                .collect(Collectors.groupingBy(AssetEvent::getRegion, Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ip000-031", 488L,
                "ip032-063", 1_098L,
                "ip064-095", 3_449L,
                "ip096-127", 1_039L,
                "ip128-159", 847L,
                "ip160-191", 915L,
                "ip192-223", 2_163L));
  }

  @Test
  void identicalLogLinesGetNumberedIds() {
    // lines 366 and 378 are identical; line 2220 is the 4th copy of one request
    assertThat(line(366).getEventId()).isEqualTo("weblog:75ea2c1721eb69eb");
    assertThat(line(378).getEventId()).isEqualTo("weblog:75ea2c1721eb69eb#2");
    assertThat(line(2220).getEventId()).isEqualTo("weblog:2c73bdc4fb434f4a#4");
    assertThat(real.events().stream().filter(e -> e.getEventId().contains("#"))).hasSize(19);
  }

  @Test
  void eventIdsAreUnique() {
    assertThat(new HashSet<>(real.events().stream().map(AssetEvent::getEventId).toList()))
        .hasSize(real.events().size());
  }

  @Test
  void keepsFileOrderWhichIsNotTimeOrder() {
    long outOfOrder = 0;
    for (int i = 1; i < real.events().size(); i++) {
      if (real.events().get(i).getEventTime() < real.events().get(i - 1).getEventTime()) {
        outOfOrder++;
      }
    }
    assertThat(outOfOrder).isEqualTo(4_915);
  }

  @Test
  void reportsMalformedRows(@TempDir Path dir) throws IOException {
    String good = "2015-05-17T10:05:03Z,83.149.9.216,GET,/a.html,200,100,-,Mozilla/5.0 (X11; Linux x86_64)\n";
    Path file =
        TestData.write(
            dir.resolve("access.csv"),
            "ts,client_ip,method,url,status,bytes,referrer,user_agent\n"
                + good // 2
                + "yesterday,83.149.9.216,GET,/a.html,200,100,-,curl/7.0\n" // 3
                + "2015-05-17T10:05:03Z,999.1.1.1,GET,/a.html,200,100,-,curl/7.0\n" // 4
                + "2015-05-17T10:05:03Z,83.149.9.216,GET,/a.html,2OO,100,-,curl/7.0\n" // 5
                + "2015-05-17T10:05:03Z,83.149.9.216,GET,index.html,200,100,-,curl/7.0\n" // 6
                + "2015-05-17T10:05:03Z,83.149.9.216,GET,/a.html,200,-5,-,curl/7.0\n" // 7
                + "2015-05-17T10:05:04Z,-,POST,/form?x=1#top,200,-,-,-\n" // 8
                + "2015-05-17T10:05:05Z,2001:db8::1,GET,http://example.com/a/b?x=1,200,,-,\n" // 9
                + good // 10
                + "2015-05-17T10:05:03Z,83.149.9.216,get,/a.html,200,100,-,curl/7.0\n"); // 11

    ImportResult<AssetEvent> result = new AccessLogImporter().read(file);

    assertThat(result.rowsRead()).isEqualTo(10);
    assertThat(result.events())
        .extracting(
            AssetEvent::getAssetId,
            AssetEvent::getAction,
            AssetEvent::getOs,
            AssetEvent::getRegion,
            AssetEvent::getUserId)
        .containsExactly(
            tuple("/a.html", AssetAction.VIEW, "linux", "ip064-095", "83.149.9.216"),
            tuple("/form", AssetAction.CLICK, "unknown", "unknown", null),
            tuple("/a/b", AssetAction.VIEW, "unknown", "ipv6", "2001:db8::1"),
            tuple("/a.html", AssetAction.VIEW, "linux", "ip064-095", "83.149.9.216"));
    String firstId = result.events().get(0).getEventId();
    assertThat(result.events().get(3).getEventId()).isEqualTo(firstId + "#2");
    assertThat(result.rejected())
        .extracting(RejectedRow::lineNumber, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "ts: not an ISO-8601 instant: 'yesterday'"),
            tuple(4L, "client_ip: not an IP address: '999.1.1.1'"),
            tuple(5L, "status: not an integer: '2OO'"),
            tuple(6L, "url: not a path: 'index.html'"),
            tuple(7L, "bytes: negative: -5"),
            tuple(11L, "method: not an HTTP method: 'get'"));
  }
}
