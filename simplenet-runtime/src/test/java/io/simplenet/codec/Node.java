package io.simplenet.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A recursive test message, {@code message Node { int32 id = 1; optional Node next = 2; list<Node>
 * children = 3; }}, with a codec written by hand the way the generator writes them: it exercises
 * the runtime helpers without the compiler.
 */
record Node(int id, Node next, List<Node> children) {
  Node {
    children = RecordCollections.copyOf(children, "children");
  }

  static Node leaf(int id) {
    return new Node(id, null, List.of());
  }

  /** A chain of {@code links} nodes below the top one, through {@code next}. */
  static Node chain(int links) {
    Node node = leaf(links);
    for (int i = links - 1; i >= 0; i--) {
      node = new Node(i, node, List.of());
    }
    return node;
  }

  static final class Codec implements MessageCodec<Node> {
    static final Codec INSTANCE = new Codec();
    private static final ValueCodec<Node> NODE = ValueCodec.ofMessage(INSTANCE);

    @Override
    public String protoName() {
      return "test.Node";
    }

    @Override
    public Class<Node> javaType() {
      return Node.class;
    }

    @Override
    public void writeTo(Node value, CodedOutputStream out) throws IOException {
      ProtoWire.writeInt32(out, 1, value.id());
      ProtoWire.writeMessage(out, 2, INSTANCE, value.next());
      ProtoWire.writeList(out, 3, NODE, value.children());
    }

    @Override
    public int serializedSize(Node value) {
      return ProtoWire.int32Size(1, value.id())
          + ProtoWire.messageSize(2, INSTANCE, value.next())
          + ProtoWire.listSize(3, NODE, value.children());
    }

    @Override
    public Node readFrom(CodedInputStream in, int depth) throws IOException {
      int id = 0;
      Node next = null;
      ListBuilder<Node> children = new ListBuilder<>();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 8 -> id = in.readInt32();
          case 18 -> next = ProtoWire.readMessage(in, depth, INSTANCE);
          case 26 -> ProtoWire.readList(in, tag, depth, NODE, children);
          default -> ProtoWire.skipField(in, tag);
        }
      }
      return new Node(id, next, children.build());
    }

    @Override
    public void writeJson(Node value, JsonGenerator out) throws IOException {
      out.writeStartObject();
      JsonWire.writeInt32(out, "id", value.id());
      JsonWire.writeMessage(out, "next", INSTANCE, value.next());
      JsonWire.writeList(out, "children", NODE, value.children());
      out.writeEndObject();
    }

    @Override
    public Node readJson(JsonParser in, int depth) throws IOException {
      int id = 0;
      Node next = null;
      ListBuilder<Node> children = new ListBuilder<>();
      for (String field = JsonWire.nextField(in); field != null; field = JsonWire.nextField(in)) {
        switch (field) {
          case "id" -> id = JsonWire.readInt32(in);
          case "next" -> next = JsonWire.readMessage(in, depth, INSTANCE);
          case "children" -> JsonWire.readList(in, depth, NODE, children);
          default -> JsonWire.skipValue(in);
        }
      }
      return new Node(id, next, children.build());
    }
  }
}
