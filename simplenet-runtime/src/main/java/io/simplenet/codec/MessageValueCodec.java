package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/** A generated message, union or role as a {@link ValueCodec}: length-delimited, a JSON object. */
final class MessageValueCodec<T> extends ValueCodec<T> {
  private static final byte[] NO_BYTES = {};

  private final MessageCodec<T> codec;

  MessageValueCodec(MessageCodec<T> codec) {
    this.codec = codec;
  }

  @Override
  int wireType() {
    return WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  @Override
  boolean isDefault(T value) {
    return false; // messages have explicit presence
  }

  /**
   * What an empty message decodes to: the default instance, or a {@link CodecException} for a union
   * or a message with a required field, as protobuf would find no member set.
   */
  @Override
  T absentValue(int depth) throws IOException {
    return codec.readFrom(CodedInputStream.newInstance(NO_BYTES), depth);
  }

  @Override
  int sizeNoTag(T value) {
    int size = codec.serializedSize(value);
    return CodedOutputStream.computeUInt32SizeNoTag(size) + size;
  }

  @Override
  void writeNoTag(CodedOutputStream out, T value) throws IOException {
    out.writeUInt32NoTag(codec.serializedSize(value));
    codec.writeTo(value, out);
  }

  @Override
  T read(CodedInputStream in, int depth) throws IOException {
    return ProtoWire.readLengthDelimited(in, depth, codec);
  }

  @Override
  void writeJson(JsonGenerator out, T value) throws IOException {
    codec.writeJson(value, out);
  }

  @Override
  T readJson(JsonParser in, int depth) throws IOException {
    return JsonWire.readObject(in, depth, codec);
  }

  @Override
  public String toString() {
    return codec.protoName();
  }
}
