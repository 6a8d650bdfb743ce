package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * Encodes and decodes one generated type in protobuf binary format and in protobuf's canonical
 * JSON mapping. Generated code implements it ({@code UserCodec.INSTANCE}); applications mostly use
 * the convenience methods {@link #toBytes}, {@link #fromBytes}, {@link #toJson} and {@link #fromJson}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface MessageCodec<T> {

  /** The protobuf full name of the type, {@code com.example.chat.User}. */
  String protoName();

  /** The generated Java class of the type. */
  Class<T> javaType();

  /** Writes {@code value}'s fields (no length prefix) to {@code out}. */
  void writeTo(T value, CodedOutputStream out) throws IOException;

  /** The number of bytes {@link #writeTo} writes for {@code value}. */
  int serializedSize(T value);

  /**
   * Reads fields until the end of {@code in} or its current limit, skipping unknown fields.
   *
   * @param depth how many messages enclose this one; deeper than {@link Limits#MAX_DEPTH} fails
   */
  T readFrom(CodedInputStream in, int depth) throws IOException;

  /** Writes {@code value} as one JSON object. */
  void writeJson(T value, JsonGenerator out) throws IOException;

  /**
   * Reads one JSON object; the parser's current token is its {@code START_OBJECT}, and on return
   * its {@code END_OBJECT}. Unknown fields are skipped.
   *
   * @param depth how many objects enclose this one; deeper than {@link Limits#MAX_DEPTH} fails
   */
  T readJson(JsonParser in, int depth) throws IOException;

  /** {@code value} in protobuf binary format. */
  default byte[] toBytes(T value) {
    return Codecs.toBytes(this, value);
  }

  /**
   * Decodes protobuf binary bytes.
   *
   * @throws CodecException if the bytes are not a valid encoding of this type
   */
  default T fromBytes(byte[] bytes) {
    return Codecs.fromBytes(this, bytes);
  }

  /** {@code value} in protobuf's canonical JSON mapping. */
  default String toJson(T value) {
    return Codecs.toJson(this, value);
  }

  /**
   * Decodes protobuf canonical JSON.
   *
   * @throws CodecException if the text is not a valid JSON encoding of this type
   */
  default T fromJson(String json) {
    return Codecs.fromJson(this, json);
  }
}
