package io.nolambda.io.importers;

import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic operating-system classification of HTTP user agents, for the {@code os}
 * segment of AssetEvents. The rules are tried in order on the lower-cased user agent; the first
 * that matches wins:
 *
 * <ol>
 *   <li>blank or {@code -}: {@code unknown}
 *   <li>contains any of {@link #BOT_MARKERS} (crawlers, feed readers, command-line and library
 *       clients, and agents carrying a contact URL, which browsers do not): {@code bot}; checked
 *       first because crawlers often pose as a browser on some OS (the smartphone Googlebot
 *       claims an iPhone)
 *   <li>{@code android}: {@code android}
 *   <li>{@code iphone}, {@code ipad} or {@code ipod}: {@code ios}
 *   <li>{@code windows}: {@code windows}
 *   <li>{@code mac os x} or {@code macintosh}: {@code macos} (after iOS, whose agents say "like
 *       Mac OS X")
 *   <li>{@code linux} or {@code x11}: {@code linux}, Chrome OS included (after Android, whose
 *       agents say "Linux")
 *   <li>anything else: {@code other}
 * </ol>
 */
public final class UserAgents {
  public static final String UNKNOWN = "unknown";
  public static final String BOT = "bot";
  public static final String ANDROID = "android";
  public static final String IOS = "ios";
  public static final String WINDOWS = "windows";
  public static final String MACOS = "macos";
  public static final String LINUX = "linux";
  public static final String OTHER = "other";

  public static final List<String> BOT_MARKERS =
      List.of(
          "bot", "crawl", "spider", "slurp", "feed", "rss", "wget", "curl", "python", "libwww",
          "java/", "httpclient", "http://", "https://");

  private UserAgents() {}

  public static String os(String userAgent) {
    if (userAgent == null || userAgent.isBlank() || userAgent.strip().equals("-")) {
      return UNKNOWN;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    if (BOT_MARKERS.stream().anyMatch(ua::contains)) {
      return BOT;
    }
    if (ua.contains("android")) {
      return ANDROID;
    }
    if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
      return IOS;
    }
    if (ua.contains("windows")) {
      return WINDOWS;
    }
    if (ua.contains("mac os x") || ua.contains("macintosh")) {
      return MACOS;
    }
    if (ua.contains("linux") || ua.contains("x11")) {
      return LINUX;
    }
    return OTHER;
  }
}
