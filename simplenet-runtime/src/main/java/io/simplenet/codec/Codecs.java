package io.simplenet.codec;

/** Placeholder for the convenience encoders behind {@link MessageCodec}'s default methods. */
final class Codecs {
  private Codecs() {}

  static <T> byte[] toBytes(MessageCodec<T> codec, T value) {
    throw new UnsupportedOperationException("not written yet");
  }

  static <T> T fromBytes(MessageCodec<T> codec, byte[] bytes) {
    throw new UnsupportedOperationException("not written yet");
  }

  static <T> String toJson(MessageCodec<T> codec, T value) {
    throw new UnsupportedOperationException("not written yet");
  }

  static <T> T fromJson(MessageCodec<T> codec, String json) {
    throw new UnsupportedOperationException("not written yet");
  }
}
