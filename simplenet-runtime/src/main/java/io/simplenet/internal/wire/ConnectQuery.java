package io.simplenet.internal.wire;

import io.simplenet.CloseReason;
import io.simplenet.Encoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The connect URL's query, {@code v=<version>&enc=<binary|json>}, form-urlencoded (as a browser's
 * {@code URLSearchParams}): how a client writes it and how a server checks it, in the documented
 * order. Thread-safe.
 */
public final class ConnectQuery {
  /** The protocol version parameter. */
  public static final String VERSION_PARAM = "v";

  /** The encoding parameter. */
  public static final String ENCODING_PARAM = "enc";

  /** The most characters of client-supplied text a refusal reason quotes. */
  private static final int MAX_QUOTED = 32;

  private ConnectQuery() {}

  /** The outcome of {@link #check}. */
  public sealed interface Check {}

  /** The query is valid: the client speaks the server's version in {@code encoding}. */
  public record Accepted(Encoding encoding) implements Check {
    public Accepted {
      Objects.requireNonNull(encoding, "encoding == null");
    }
  }

  /** The query is refused; {@code reason} quotes little client input and fits a close frame. */
  public record Refused(String reason) implements Check {
    public Refused {
      reason = CloseReason.fit(reason);
    }
  }

  /** {@code v=<version>&enc=<encoding>}, form-urlencoded. */
  public static String format(String version, Encoding encoding) {
    Objects.requireNonNull(version, "version == null");
    Objects.requireNonNull(encoding, "encoding == null");
    return VERSION_PARAM
        + "="
        + URLEncoder.encode(version, StandardCharsets.UTF_8)
        + "&"
        + ENCODING_PARAM
        + "="
        + encoding.queryValue();
  }

  /**
   * {@code endpoint} with the connect query appended.
   *
   * @throws IllegalArgumentException if {@code endpoint} already has a query or a fragment, or is
   *     not a {@code ws} or {@code wss} URL
   */
  public static URI connectUri(URI endpoint, String version, Encoding encoding) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    String scheme = endpoint.getScheme();
    if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("endpoint is not a ws:// or wss:// URL: " + endpoint);
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint already has a query or fragment: " + endpoint);
    }
    try {
      return new URI(endpoint + "?" + format(version, encoding));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint is not a valid URI: " + endpoint, e);
    }
  }

  /**
   * Checks a raw (still percent-encoded) query against the server's version: malformed,
   * duplicate or unknown parameters first, then the version, then the encoding.
   *
   * @param rawQuery the text after {@code ?}, or null if there is none
   */
  public static Check check(String rawQuery, String serverVersion) {
    Objects.requireNonNull(serverVersion, "serverVersion == null");
    String version = null;
    String encoding = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          return new Refused("invalid query: no '=' in " + quote(pair));
        }
        Optional<String> name = decode(pair.substring(0, equals));
        Optional<String> value = decode(pair.substring(equals + 1));
        if (name.isEmpty() || value.isEmpty()) {
          return new Refused("invalid query: bad percent-encoding in " + quote(pair));
        }
        if (name.get().equals(VERSION_PARAM) && version == null) {
          version = value.get();
        } else if (name.get().equals(ENCODING_PARAM) && encoding == null) {
          encoding = value.get();
        } else if (name.get().equals(VERSION_PARAM) || name.get().equals(ENCODING_PARAM)) {
          return new Refused("invalid query: duplicate parameter " + quote(name.get()));
        } else {
          return new Refused("invalid query: unknown parameter " + quote(name.get()));
        }
      }
    }
    if (version == null) {
      return new Refused("version missing");
    }
    if (!version.equals(serverVersion)) {
      return new Refused("version mismatch: server speaks " + quote(serverVersion));
    }
    Optional<Encoding> known = encoding == null ? Optional.empty() : Encoding.fromQueryValue(encoding);
    if (known.isEmpty()) {
      return new Refused("unknown encoding '" + shorten(encoding == null ? "" : encoding) + "'");
    }
    return new Accepted(known.get());
  }

  private static Optional<String> decode(String text) {
    try {
      return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String quote(String text) {
    return "\"" + shorten(text) + "\"";
  }

  /** {@code text} cut to {@link #MAX_QUOTED} characters, so that any reason fits a close frame. */
  private static String shorten(String text) {
    if (text.length() <= MAX_QUOTED) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return text.substring(0, end) + "...";
  }
}
