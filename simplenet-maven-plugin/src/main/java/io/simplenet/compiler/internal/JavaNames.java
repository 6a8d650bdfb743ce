package io.simplenet.compiler.internal;

import java.util.Set;

/**
 * Naming rules shared by the front-end and the generators: which words Java reserves, how a schema
 * name becomes a Java or JSON name, and how a type name becomes a field name.
 *
 * <p>Stateless and thread-safe.
 */
public final class JavaNames {
  private JavaNames() {}

  /** Java's reserved keywords (JLS 17 §3.9), {@code _} included. */
  private static final Set<String> KEYWORDS =
      words(
          "abstract assert boolean break byte case catch char class const continue default do",
          "double else enum extends final finally float for goto if implements import instanceof",
          "int interface long native new package private protected public return short static",
          "strictfp super switch synchronized this throw throws transient try void volatile",
          "while _");

  /** Contextual keywords that cannot name a type (JLS 17 §3.8, §3.9). */
  private static final Set<String> RESTRICTED_IDENTIFIERS =
      Set.of("var", "yield", "record", "sealed", "permits");

  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  /** {@code Object}'s methods: a record component with one of these names would override it. */
  private static final Set<String> OBJECT_METHODS =
      words("hashCode toString equals getClass notify notifyAll wait clone finalize");

  public static boolean isKeyword(String name) {
    return KEYWORDS.contains(name);
  }

  /** True for {@code var}, {@code yield}, {@code record}, {@code sealed} and {@code permits}. */
  public static boolean isRestrictedIdentifier(String name) {
    return RESTRICTED_IDENTIFIERS.contains(name);
  }

  /** True for {@code true}, {@code false} and {@code null}. */
  public static boolean isLiteral(String name) {
    return LITERALS.contains(name);
  }

  /**
   * Why {@code name} cannot name a Java type, enum constant or package segment ({@code "a Java
   * keyword"}), or null if it can.
   */
  public static String reservedWordKind(String name) {
    if (isKeyword(name)) {
      return "a Java keyword";
    }
    if (isRestrictedIdentifier(name)) {
      return "a restricted identifier in Java";
    }
    if (isLiteral(name)) {
      return "a Java literal";
    }
    return null;
  }

  /**
   * {@code name} as a Java member name: a trailing {@code _} is added to keywords, restricted
   * identifiers, literals and {@code Object} method names ({@code class} becomes {@code class_}).
   */
  public static String escape(String name) {
    return reservedWordKind(name) != null || OBJECT_METHODS.contains(name) ? name + "_" : name;
  }

  /**
   * Protobuf's {@code ToJsonName}: drops each {@code _} and upper-cases the character after it, so
   * {@code display_name} becomes {@code displayName}; lowerCamelCase input is unchanged.
   */
  public static String toJsonName(String name) {
    StringBuilder result = new StringBuilder(name.length());
    boolean capitalizeNext = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        capitalizeNext = true;
      } else if (capitalizeNext) {
        result.append(asciiUpper(c));
        capitalizeNext = false;
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  /**
   * {@code UpperCamelCase} or {@code lowerCamelCase} to {@code snake_case}: {@code HistoryPage}
   * becomes {@code history_page} and an acronym stays one word ({@code HTTPRequest} becomes {@code
   * http_request}).
   */
  public static String toSnakeCase(String name) {
    StringBuilder result = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isAsciiUpper(c)) {
        char previous = i > 0 ? name.charAt(i - 1) : '_';
        char next = i + 1 < name.length() ? name.charAt(i + 1) : '_';
        boolean wordStart =
            isAsciiLower(previous)
                || isAsciiDigit(previous)
                || (isAsciiUpper(previous) && isAsciiLower(next));
        if (wordStart) {
          result.append('_');
        }
        result.append((char) (c + ('a' - 'A')));
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  /** The space-separated words of {@code lines}. */
  private static Set<String> words(String... lines) {
    return Set.of(String.join(" ", lines).split(" "));
  }

  private static char asciiUpper(char c) {
    return isAsciiLower(c) ? (char) (c - ('a' - 'A')) : c;
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
