package dev.mcsink.localmc.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RFC 822 dates as the SDK parses them from headers ({@code x-odps-creation-time}, Last-Modified). */
public final class HttpDates {
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  public static String format(long epochMillis) {
    return RFC_822.format(Instant.ofEpochMilli(epochMillis));
  }
}
