package io.simplenet.codec;

/** Bytes or text that are not a valid encoding of the expected type. Never retried: the input is bad. */
public final class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
