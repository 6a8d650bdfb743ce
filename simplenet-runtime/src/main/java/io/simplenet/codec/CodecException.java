package io.simplenet.codec;

/**
 * Bytes or text that are not a valid encoding of the expected type. Never retried: the input is
 * bad.
 */
public final class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * For generated code: a field that has no default (a union, or a message that requires one) is
   * absent.
   */
  public static CodecException missingField(String typeName, String fieldName, int fieldNumber) {
    return new CodecException(
        "missing required field '" + fieldName + "' (" + fieldNumber + ") of " + typeName);
  }

  /** For generated code: a union or role holds none of its members. */
  public static CodecException noMember(String unionName) {
    return new CodecException("no member of " + unionName + " is set");
  }
}
