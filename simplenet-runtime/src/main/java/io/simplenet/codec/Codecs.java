package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/** The convenience encoders behind {@link MessageCodec}'s default methods. Thread-safe. */
final class Codecs {
  private Codecs() {}

  /**
   * The one JSON factory: nesting bounded to what {@link Limits#MAX_DEPTH} messages need, on both
   * sides so nothing is written that could not be read back; lengths bounded by {@link Limits}.
   */
  static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Limits.MAX_JSON_NESTING)
                  .maxNumberLength(Limits.MAX_JSON_NUMBER_LENGTH)
                  .maxStringLength(Limits.MAX_JSON_STRING_LENGTH)
                  .maxNameLength(Limits.MAX_JSON_STRING_LENGTH)
                  .build())
          .streamWriteConstraints(
              StreamWriteConstraints.builder().maxNestingDepth(Limits.MAX_JSON_NESTING).build())
          .build();

  static <T> byte[] toBytes(MessageCodec<T> codec, T value) {
    Objects.requireNonNull(value, "value == null");
    try {
      byte[] bytes = new byte[codec.serializedSize(value)];
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      codec.writeTo(value, out);
      out.checkNoSpaceLeft();
      return bytes;
    } catch (IOException | IllegalStateException e) {
      // An array of serializedSize bytes overflows, or is left with room, only if the codec is
      // wrong.
      throw new IllegalStateException(
          codec.protoName() + ": serializedSize disagrees with writeTo", e);
    } catch (IllegalArgumentException e) {
      throw cannotEncode(codec, e);
    }
  }

  static <T> T fromBytes(MessageCodec<T> codec, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    try {
      return codec.readFrom(CodedInputStream.newInstance(bytes), 0);
    } catch (IOException | RuntimeException e) {
      throw new CodecException(
          "cannot decode " + codec.protoName() + " from " + bytes.length + " bytes: " + reason(e),
          e);
    }
  }

  static <T> String toJson(MessageCodec<T> codec, T value) {
    Objects.requireNonNull(value, "value == null");
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      codec.writeJson(value, out);
    } catch (StreamConstraintsException e) {
      throw cannotEncode(codec, e);
    } catch (IOException e) {
      throw new IllegalStateException(codec.protoName() + ": writeJson failed", e);
    } catch (IllegalArgumentException e) {
      throw cannotEncode(codec, e);
    }
    return text.toString();
  }

  static <T> T fromJson(MessageCodec<T> codec, String json) {
    Objects.requireNonNull(json, "json == null");
    try (JsonParser in = JSON.createParser(json)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw JsonWire.error(in, "expected an object, found " + JsonWire.describe(in));
      }
      T value = codec.readJson(in, 0);
      if (in.nextToken() != null) {
        throw JsonWire.error(in, "trailing content after the object");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new CodecException(
          "cannot decode "
              + codec.protoName()
              + " from JSON of "
              + json.length()
              + " characters: "
              + reason(e),
          e);
    }
  }

  private static IllegalArgumentException cannotEncode(MessageCodec<?> codec, Exception e) {
    return new IllegalArgumentException("cannot encode " + codec.protoName() + ": " + reason(e), e);
  }

  private static String reason(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
  }
}
