package io.nolambda.io.importers;

import java.util.regex.Pattern;

/**
 * A deterministic stand-in for the geographic region of a client, for the {@code region} segment
 * of AssetEvents, without a geo-IP database: the first octet of an IPv4 address in eight buckets
 * of 32 ({@code ip000-031}, {@code ip032-063}, ..., {@code ip224-255}). IPv6 clients are {@code
 * ipv6}; a missing address is {@code unknown}. The buckets are stable and coarse, giving the
 * trend segments something to split on; they are not geography.
 */
public final class IpRegions {
  public static final String IPV6 = "ipv6";
  public static final String UNKNOWN = "unknown";
  public static final int BUCKET_WIDTH = 32;

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpRegions() {}

  /** True for a dotted-quad IPv4 address or something shaped like an IPv6 address. */
  public static boolean isAddress(String ip) {
    return ipv4FirstOctet(ip) >= 0 || isIpv6(ip);
  }

  /**
   * The region of an address.
   *
   * @throws IllegalArgumentException if {@code ip} is not blank and not an address
   */
  public static String region(String ip) {
    if (ip == null || ip.isBlank() || ip.strip().equals("-")) {
      return UNKNOWN;
    }
    int first = ipv4FirstOctet(ip.strip());
    if (first >= 0) {
      int low = first / BUCKET_WIDTH * BUCKET_WIDTH;
      return String.format("ip%03d-%03d", low, low + BUCKET_WIDTH - 1);
    }
    if (isIpv6(ip.strip())) {
      return IPV6;
    }
    throw new IllegalArgumentException("not an IP address: '" + ip + "'");
  }

  private static int ipv4FirstOctet(String ip) {
    var m = IPV4.matcher(ip);
    if (!m.matches()) {
      return -1;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return -1;
      }
    }
    return Integer.parseInt(m.group(1));
  }

  private static boolean isIpv6(String ip) {
    return ip.chars().filter(c -> c == ':').count() >= 2 && IPV6_SHAPE.matcher(ip).matches();
  }
}
