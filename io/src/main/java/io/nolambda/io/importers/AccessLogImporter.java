package io.nolambda.io.importers;

import io.nolambda.events.AssetAction;
import io.nolambda.events.AssetEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed web access log ({@code ts, client_ip, method, url, status, bytes, referrer,
 * user_agent}) to {@link AssetEvent}s.
 *
 * <ul>
 *   <li>{@code event_time} = {@code ts}, ISO-8601 with offset ({@code 2015-05-17T10:05:03Z}).
 *   <li>{@code asset_id} = the path of {@code url} without query and fragment ({@code
 *       /blog/tags/puppet?flav=rss20} is {@code /blog/tags/puppet}); an absolute URL gives its
 *       path. Every requested path is an asset, pages as well as images, stylesheets and
 *       downloads: a row is a request, the log does not say which requests a person made.
 *   <li>{@code action}: VIEW for the safe, read-only methods of RFC 9110 (GET, HEAD, OPTIONS,
 *       TRACE): the client read the asset; CLICK for any other method (POST, PUT, DELETE, ...):
 *       the client acted on it (a form, a comment, a trackback). CART and PURCHASE do not occur
 *       in a web server log. The status is not used: a 404 is still a request for that path.
 *   <li>{@code os} = {@link UserAgents#os}; {@code region} = {@link IpRegions#region} of the
 *       client; {@code user_id} = the client IP, null when blank or {@code -}.
 *   <li>{@code event_id} = {@code weblog:} + the first 16 hex digits of the SHA-256 of the
 *       row's eight fields (trimmed, joined with U+001F). A log has genuinely identical lines
 *       (same client, path and second; 19 in the real file), so the n-th occurrence (n &gt;= 2)
 *       of the same content gets {@code #n} appended. Ids therefore do not depend on the line
 *       numbers: reordering or appending to the log keeps them. The importer remembers one hash
 *       per distinct row of the file.
 * </ul>
 *
 * Bots are not filtered out: their os is {@code bot}, a segment of its own. Rejected: a missing or
 * unparsable time, client address that is neither blank nor an IP, method that is not an
 * upper-case token, url that is not a path, status outside 100..599, bytes that are not blank,
 * {@code -} or a non-negative integer.
 */
public final class AccessLogImporter extends CsvEventImporter<AssetEvent> {
  static final String TS = "ts";
  static final String CLIENT_IP = "client_ip";
  static final String METHOD = "method";
  static final String URL = "url";
  static final String STATUS = "status";
  static final String BYTES = "bytes";
  static final String REFERRER = "referrer";
  static final String USER_AGENT = "user_agent";
  private static final List<String> COLUMNS =
      List.of(TS, CLIENT_IP, METHOD, URL, STATUS, BYTES, REFERRER, USER_AGENT);

  /** RFC 9110 section 9.2.1. */
  public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static final Pattern METHOD_TOKEN = Pattern.compile("[A-Z]+");
  private static final Pattern ABSOLUTE = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#]*(.*)");

  public AccessLogImporter() {
    super(
        Importers.CLICKSTREAM,
        "clickstream/web-access-log-2015-05.csv.gz",
        AssetEvent.class,
        COLUMNS);
  }

  @Override
  protected RowMapper<AssetEvent> newMapper() {
    Map<String, Integer> seen = new HashMap<>();
    return row -> List.of(map(row, seen));
  }

  private static AssetEvent map(CsvRow row, Map<String, Integer> seen) throws RowException {
    String ts = row.requiredText(TS);
    long time;
    try {
      time = Instant.parse(ts).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new RowException(TS + ": not an ISO-8601 instant: '" + ts + "'");
    }
    String ip = row.optionalText(CLIENT_IP);
    if ("-".equals(ip)) {
      ip = null;
    }
    if (ip != null && !IpRegions.isAddress(ip)) {
      throw new RowException(CLIENT_IP + ": not an IP address: '" + ip + "'");
    }
    String method = row.requiredText(METHOD);
    if (!METHOD_TOKEN.matcher(method).matches()) {
      throw new RowException(METHOD + ": not an HTTP method: '" + method + "'");
    }
    String asset = assetId(row.requiredText(URL));
    int status = row.requiredInt(STATUS);
    if (status < 100 || status > 599) {
      throw new RowException(STATUS + ": not an HTTP status: " + status);
    }
    String bytes = row.text(BYTES);
    if (!bytes.isEmpty() && !bytes.equals("-") && row.requiredLong(BYTES) < 0) {
      throw new RowException(BYTES + ": negative: " + bytes);
    }
    String hash = hash(row);
    int occurrence = seen.merge(hash, 1, Integer::sum);
    return AssetEvent.newBuilder()
        .setEventId("weblog:" + hash + (occurrence > 1 ? "#" + occurrence : ""))
        .setEventTime(time)
        .setAssetId(asset)
        .setAction(SAFE_METHODS.contains(method) ? AssetAction.VIEW : AssetAction.CLICK)
        .setOs(UserAgents.os(row.text(USER_AGENT)))
        .setRegion(IpRegions.region(ip))
        .setUserId(ip)
        .build();
  }

  /** The path of a request target: query and fragment dropped, an absolute URL reduced to it. */
  static String assetId(String url) throws RowException {
    String path = url;
    var absolute = ABSOLUTE.matcher(url);
    if (absolute.matches()) {
      path = absolute.group(1);
      if (path.isEmpty() || path.charAt(0) != '/') {
        path = "/" + path;
      }
    }
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    if (path.equals("*") || (path.startsWith("/") && path.chars().noneMatch(Character::isWhitespace))) {
      return path;
    }
    throw new RowException(URL + ": not a path: '" + url + "'");
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

  private static String hash(CsvRow row) {
    String content = String.join("\u001f", COLUMNS.stream().map(row::text).toList());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
