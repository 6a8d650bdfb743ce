package io.simplenet.compiler.internal.proto;

import static io.simplenet.compiler.internal.proto.Models.PACKAGE;
import static io.simplenet.compiler.internal.proto.Models.enumType;
import static io.simplenet.compiler.internal.proto.Models.field;
import static io.simplenet.compiler.internal.proto.Models.member;
import static io.simplenet.compiler.internal.proto.Models.message;
import static io.simplenet.compiler.internal.proto.Models.scalar;
import static io.simplenet.compiler.internal.proto.Models.schema;
import static io.simplenet.compiler.internal.proto.Models.schemaOf;
import static io.simplenet.compiler.internal.proto.Models.type;
import static io.simplenet.compiler.internal.proto.Models.union;
import static io.simplenet.compiler.internal.proto.Models.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.testing.DescriptorSets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protobuf's naming and range rules on hand-built models, including names no fixture uses. */
class ProtoGeneratorEdgeCaseTest {

  @Test
  void syntheticOneofNamesAvoidClashesAsProtocDoes() throws Exception {
    Schema schema =
        schemaOf(
            message(
                "Clash",
                Reserved.NONE,
                field("_a", 1, scalar(ScalarKind.INT32)),
                field("a", 2, scalar(ScalarKind.INT32), true, null),
                field("_b", 3, scalar(ScalarKind.STRING), true, null)));
    Descriptor clash = buildSingle(schema).findMessageTypeByName("Clash");

    assertEquals("X_a", clash.findFieldByName("a").getContainingOneof().getName());
    assertEquals("X_b", clash.findFieldByName("_b").getContainingOneof().getName());
    assertEquals(null, clash.findFieldByName("a").getRealContainingOneof());
    assertEquals(0, clash.getRealOneofs().size());
  }

  @Test
  void jsonNameIsSpelledOutOnlyWhenItDiffersFromProtocs() {
    Schema schema =
        schemaOf(
            message(
                "Holder",
                Reserved.NONE,
                field("a_b", 1, scalar(ScalarKind.INT32)),
                field("plain", 2, scalar(ScalarKind.INT32))));
    String proto = protoText(schema);

    // The models give every field its own name as JSON name: "a_b" is not protoc's "aB".
    assertTrue(proto.contains("  int32 a_b = 1 [json_name = \"a_b\"];\n"), proto);
    assertTrue(proto.contains("  int32 plain = 2;\n"), proto);
  }

  @Test
  void typeShadowedByAMapEntryIsWrittenFullyQualified() {
    Schema schema =
        schemaOf(
            message("ItemsEntry", Reserved.NONE),
            message(
                "Holder",
                Reserved.NONE,
                field("items", 1, new FieldType.MapOf(ScalarKind.STRING, named("ItemsEntry"))),
                field("other", 2, named("ItemsEntry"))));
    String proto = protoText(schema);

    assertTrue(proto.contains("  map<string, ." + PACKAGE + ".ItemsEntry> items = 1;\n"), proto);
    assertTrue(proto.contains("  ." + PACKAGE + ".ItemsEntry other = 2;\n"), proto);
  }

  @Test
  void reservedRangesFollowProtocConventions() throws Exception {
    Reserved messageReserved =
        new Reserved(
            List.of(
                new Reserved.Range(4, 4),
                new Reserved.Range(10, 19),
                new Reserved.Range(1000, Reserved.MAX_FIELD_NUMBER)),
            List.of("old", "we\"ird"));
    Reserved enumReserved =
        new Reserved(
            List.of(new Reserved.Range(-5, -1), new Reserved.Range(7, Reserved.MAX_ENUM_NUMBER)),
            List.of("GONE"));
    Schema schema =
        schema(
            Models.PATH,
            List.of(),
            List.of(message("Holder", messageReserved, field("a", 1, scalar(ScalarKind.BOOL)))),
            List.of(enumType("Kind", enumReserved, value("KIND_UNKNOWN", 0))),
            List.of());
    FileDescriptor file = buildSingle(schema);

    DescriptorProto holder = file.findMessageTypeByName("Holder").toProto();
    assertEquals(
        List.of(4, 10, 1000),
        holder.getReservedRangeList().stream().map(r -> r.getStart()).toList());
    assertEquals(
        List.of(5, 20, 536_870_912),
        holder.getReservedRangeList().stream().map(r -> r.getEnd()).toList());
    assertEquals(List.of("old", "we\"ird"), holder.getReservedNameList());
    EnumDescriptorProto kind = file.findEnumTypeByName("Kind").toProto();
    assertEquals(-1, kind.getReservedRange(0).getEnd());
    assertEquals(Integer.MAX_VALUE, kind.getReservedRange(1).getEnd());

    String proto = protoText(schema);
    assertTrue(
        proto.contains(
            "  reserved 4, 10 to 19, 1000 to max;\n  reserved \"old\", \"we\\\"ird\";\n"),
        proto);
    assertTrue(proto.contains("  reserved -5 to -1, 7 to max;\n  reserved \"GONE\";\n"), proto);
  }

  @Test
  void deprecationBecomesOptionsAndItsReasonAComment() throws Exception {
    Deprecation reason = new Deprecation("use b");
    Schema schema =
        schemaOf(
            message(
                "Holder",
                Reserved.NONE,
                field("a", 1, scalar(ScalarKind.INT64), true, reason),
                field("b", 2, scalar(ScalarKind.INT64))));
    FileDescriptor file = buildSingle(schema);

    assertTrue(
        file.findMessageTypeByName("Holder").findFieldByName("a").getOptions().getDeprecated());
    assertFalse(
        file.findMessageTypeByName("Holder").findFieldByName("b").getOptions().getDeprecated());
    assertTrue(
        protoText(schema)
            .contains("  // Deprecated: use b\n  optional int64 a = 1 [deprecated = true];\n"));
  }

  @Test
  void unionWithoutMembersHasNoOneof() throws Exception {
    Schema schema = schema(Models.PATH, List.of(), List.of(), List.of(), List.of(union("Nothing")));
    Descriptor nothing = buildSingle(schema).findMessageTypeByName("Nothing");

    assertEquals(0, nothing.getOneofs().size());
    assertTrue(protoText(schema).contains("\nmessage Nothing {}\n"));
  }

  @Test
  void descriptorSetHoldsTransitiveImportsDependenciesFirstEachOnce() throws Exception {
    Schema base =
        schema(
            "base.channel",
            List.of(),
            List.of(message("Base", Reserved.NONE)),
            List.of(),
            List.of());
    Schema middle =
        schema(
            "middle.channel",
            List.of("base.channel"),
            List.of(message("Middle", Reserved.NONE, field("base", 1, named("Base")))),
            List.of(),
            List.of());
    Schema top =
        schema(
            "dir/top.channel",
            List.of("middle.channel", "base.channel"),
            List.of(
                message(
                    "Top",
                    Reserved.NONE,
                    field("middle", 1, named("Middle")),
                    field("base", 2, named("Base")))),
            List.of(),
            List.of());
    SchemaSet set = new SchemaSet(List.of(base, middle, top));

    List<GeneratedFile> files = ProtoGenerator.generate(set, top);
    FileDescriptorSet descriptors =
        FileDescriptorSet.parseFrom(
            resource(files, GeneratedNames.descriptorSetResource("dir/top.channel")));

    assertEquals(
        List.of("base.proto", "middle.proto", "dir/top.proto"),
        descriptors.getFileList().stream().map(FileDescriptorProto::getName).toList());
    assertEquals(List.of("middle.proto", "base.proto"), descriptors.getFile(2).getDependencyList());
    assertTrue(
        new String(
                resource(files, GeneratedNames.protoResource("dir/top.channel")),
                java.nio.charset.StandardCharsets.UTF_8)
            .contains("import \"middle.proto\";\nimport \"base.proto\";\n"));
  }

  @Test
  void descriptorProtobufRejectsIsACompilerBugNamingTheSchema() {
    Schema schema = schemaOf(message("Twice", Reserved.NONE), message("Twice", Reserved.NONE));

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ProtoGenerator.generate(new SchemaSet(List.of(schema)), schema));
    assertTrue(
        e.getMessage().startsWith("protobuf rejects the descriptor of models.channel: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("Twice"), e.getMessage());
  }

  @Test
  void unionMembersShareTheValueOneof() throws Exception {
    Schema schema =
        schema(
            Models.PATH,
            List.of(),
            List.of(message("Circle", Reserved.NONE), message("Square", Reserved.NONE)),
            List.of(),
            List.of(
                union(
                    "Shape",
                    member(type("Circle", TypeKind.MESSAGE), 1, "circle"),
                    member(type("Square", TypeKind.MESSAGE), 7, "square"))));
    Descriptor shape = buildSingle(schema).findMessageTypeByName("Shape");

    assertEquals(1, shape.getRealOneofs().size());
    assertEquals("value", shape.getRealOneofs().get(0).getName());
    assertEquals(
        List.of(1, 7),
        shape.getRealOneofs().get(0).getFields().stream().map(f -> f.getNumber()).toList());
    assertTrue(
        protoText(schema)
            .contains(
                "message Shape {\n"
                    + "  oneof value {\n"
                    + "    Circle circle = 1;\n"
                    + "    Square square = 7;\n"
                    + "  }\n"
                    + "}\n"));
  }

  private static FieldType named(String simpleName) {
    return new FieldType.Named(type(simpleName, TypeKind.MESSAGE));
  }

  /** The descriptor of a schema without imports, parsed back from the generated set. */
  private static FileDescriptor buildSingle(Schema schema) throws Exception {
    List<GeneratedFile> files = ProtoGenerator.generate(new SchemaSet(List.of(schema)), schema);
    FileDescriptorSet set =
        FileDescriptorSet.parseFrom(
            resource(files, GeneratedNames.descriptorSetResource(schema.path())));
    return DescriptorSets.link(set).get(schema.protoPath());
  }

  private static String protoText(Schema schema) {
    List<GeneratedFile> files = ProtoGenerator.generate(new SchemaSet(List.of(schema)), schema);
    return new String(
        resource(files, GeneratedNames.protoResource(schema.path())),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] resource(List<GeneratedFile> files, String path) {
    return files.stream()
        .filter(f -> f.path().equals(path) && f.kind() == GeneratedFile.Kind.RESOURCE)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + path + " in " + files))
        .content();
  }
}
