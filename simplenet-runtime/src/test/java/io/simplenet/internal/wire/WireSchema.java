package io.simplenet.internal.wire;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The contract's {@code simplenet.wire} .proto, built as a protobuf descriptor so that tests can
 * check our hand-written frame codec against protobuf-java's own parser and serializer.
 */
final class WireSchema {
  private WireSchema() {}

  static final FileDescriptor FILE = build();

  static Descriptor type(String name) {
    return FILE.findMessageTypeByName(name);
  }

  private static FileDescriptor build() {
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("simplenet/wire.proto")
            .setPackage("simplenet.wire")
            .setSyntax("proto3")
            .addMessageType(
                message("ClientFrame")
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("frame"))
                    .addField(oneof(field("hello", 1, ".simplenet.wire.Hello")))
                    .addField(oneof(field("message", 2, Type.TYPE_BYTES)))
                    .addField(oneof(field("request", 3, ".simplenet.wire.RequestFrame")))
                    .addField(oneof(field("batch", 15, ".simplenet.wire.ClientBatch"))))
            .addMessageType(
                message("ClientBatch").addField(repeated(field("frames", 1, ".simplenet.wire.ClientFrame"))))
            .addMessageType(
                message("Hello")
                    .addField(field("auth", 1, ".simplenet.wire.AuthRequest"))
                    .addField(field("connect", 2, Type.TYPE_BYTES)))
            .addMessageType(
                message("AuthRequest")
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("kind"))
                    .addField(oneof(field("none", 1, ".simplenet.wire.NoAuth")))
                    .addField(oneof(field("secret", 2, ".simplenet.wire.SecretAuth")))
                    .addField(oneof(field("token", 3, ".simplenet.wire.TokenAuth"))))
            .addMessageType(message("NoAuth").addField(field("client_id", 1, Type.TYPE_STRING)))
            .addMessageType(
                message("SecretAuth")
                    .addField(field("client_id", 1, Type.TYPE_STRING))
                    .addField(field("secret", 2, Type.TYPE_BYTES)))
            .addMessageType(message("TokenAuth").addField(field("token", 1, Type.TYPE_BYTES)))
            .addMessageType(
                message("RequestFrame")
                    .addField(field("id", 1, Type.TYPE_UINT64))
                    .addField(field("request", 2, Type.TYPE_BYTES)))
            .addMessageType(
                message("ServerFrame")
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("frame"))
                    .addField(oneof(field("accepted", 1, ".simplenet.wire.Accepted")))
                    .addField(oneof(field("message", 2, Type.TYPE_BYTES)))
                    .addField(oneof(field("response", 3, ".simplenet.wire.ResponseFrame")))
                    .addField(oneof(field("ack", 4, Type.TYPE_UINT64)))
                    .addField(oneof(field("reject", 5, Type.TYPE_UINT64)))
                    .addField(oneof(field("batch", 15, ".simplenet.wire.ServerBatch"))))
            .addMessageType(
                message("ServerBatch").addField(repeated(field("frames", 1, ".simplenet.wire.ServerFrame"))))
            .addMessageType(
                message("Accepted")
                    .addField(field("client_id", 1, Type.TYPE_STRING))
                    .addField(field("max_message_size", 2, Type.TYPE_UINT32)))
            .addMessageType(
                message("ResponseFrame")
                    .addField(field("id", 1, Type.TYPE_UINT64))
                    .addField(field("response", 2, Type.TYPE_BYTES)))
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]);
    } catch (DescriptorValidationException e) {
      throw new AssertionError(e);
    }
  }

  private static DescriptorProto.Builder message(String name) {
    return DescriptorProto.newBuilder().setName(name);
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder field(String name, int number, String typeName) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
  }

  private static FieldDescriptorProto.Builder repeated(FieldDescriptorProto.Builder field) {
    return field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
  }

  private static FieldDescriptorProto.Builder oneof(FieldDescriptorProto.Builder field) {
    return field.setOneofIndex(0);
  }
}
