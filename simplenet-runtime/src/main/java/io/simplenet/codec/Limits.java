package io.simplenet.codec;

/**
 * Bounds every decoder enforces, so hostile input can neither recurse nor allocate without limit.
 */
public final class Limits {
  private Limits() {}

  /**
   * Deepest nesting of messages a decoder accepts, as protobuf: the top-level message is at depth
   * 0, so it may enclose 100 levels of messages. Binary map entries count as messages, as in
   * protobuf; in JSON only message objects count, as in protobuf's {@code JsonFormat}.
   */
  public static final int MAX_DEPTH = 100;

  /**
   * Deepest nesting of JSON objects and arrays: each of the messages at depths 0 to {@link
   * #MAX_DEPTH} may be an object inside an array or map object. Unknown fields must fit too.
   */
  public static final int MAX_JSON_NESTING = 2 * (MAX_DEPTH + 1);

  /** Longest JSON number, or string holding a number, a decoder parses. */
  public static final int MAX_JSON_NUMBER_LENGTH = 128;

  /** Longest JSON string or object key, in characters (base64 of bytes included). */
  public static final int MAX_JSON_STRING_LENGTH = 16 * 1024 * 1024;
}
