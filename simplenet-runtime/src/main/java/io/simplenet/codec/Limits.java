package io.simplenet.codec;

/** Bounds every decoder enforces, so hostile input can neither recurse nor allocate without limit. */
public final class Limits {
  private Limits() {}

  /** Deepest nesting of messages (binary) or objects and arrays (JSON) a decoder accepts, as protobuf. */
  public static final int MAX_DEPTH = 100;
}
