package io.simplenet.compiler.internal.proto;

import static io.simplenet.compiler.testing.AllTypesFixture.COMMON_PACKAGE;
import static io.simplenet.compiler.testing.AllTypesFixture.PACKAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.testing.AllTypesFixture;
import io.simplenet.compiler.testing.DescriptorSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The descriptor set generated for the fixture: protobuf-java parses and links it, and it says what
 * the schema says.
 */
class AllTypesDescriptorTest {
  private static List<GeneratedFile> files;
  private static FileDescriptorSet set;
  private static FileDescriptor alltypes;

  @BeforeAll
  static void generate() throws Exception {
    SchemaSet schemas = AllTypesFixture.load();
    files = ProtoGenerator.generate(schemas, schemas.schema(AllTypesFixture.ALL_TYPES));
    set =
        FileDescriptorSet.parseFrom(
            resource(GeneratedNames.descriptorSetResource(AllTypesFixture.ALL_TYPES)));
    alltypes = DescriptorSets.link(set).get("alltypes.proto");
  }

  @Test
  void resourcesAreTheProtoAndTheDescriptorSet() {
    assertEquals(
        List.of("META-INF/simplenet/alltypes.proto", "META-INF/simplenet/alltypes.desc"),
        files.stream().map(GeneratedFile::path).toList());
    assertTrue(files.stream().allMatch(f -> f.kind() == GeneratedFile.Kind.RESOURCE));
    assertTrue(files.stream().allMatch(f -> f.schemaPath().equals(AllTypesFixture.ALL_TYPES)));
  }

  @Test
  void setHoldsTheImportThenTheFile() {
    assertEquals(
        List.of("shared/common.proto", "alltypes.proto"),
        set.getFileList().stream().map(FileDescriptorProto::getName).toList());
    FileDescriptorProto file = set.getFile(1);
    assertEquals("proto3", file.getSyntax());
    assertEquals("io.simplenet.fixture.alltypes", file.getPackage());
    assertEquals(List.of("shared/common.proto"), file.getDependencyList());
  }

  @Test
  void scalarsAreTypedAndOptionalsUseSyntheticOneofs() {
    Descriptor scalars = message("Scalars");
    assertEquals(18, scalars.getFields().size());
    assertEquals(FieldDescriptor.Type.UINT64, scalars.findFieldByName("u64").getType());
    assertEquals(FieldDescriptor.Type.BYTES, scalars.findFieldByName("blob").getType());
    assertFalse(scalars.findFieldByName("f32").hasPresence());

    FieldDescriptor optF32 = scalars.findFieldByName("opt_f32");
    assertEquals(FieldDescriptor.Type.FLOAT, optF32.getType());
    assertEquals("optF32", optF32.getJsonName());
    assertTrue(optF32.toProto().getProto3Optional());
    assertTrue(optF32.hasPresence());
    assertEquals("_opt_f32", optF32.getContainingOneof().getName());
    assertNull(optF32.getRealContainingOneof());
    // Synthetic oneofs follow the real ones (none here) in field order, as protoc places them.
    assertEquals(
        List.of(
            "_opt_b",
            "_opt_i32",
            "_opt_i64",
            "_opt_u32",
            "_opt_u64",
            "_opt_f32",
            "_opt_f64",
            "_opt_text",
            "_opt_blob"),
        scalars.getOneofs().stream().map(OneofDescriptor::getName).toList());
  }

  @Test
  void collectionsAreRepeatedPackedOrMapEntries() {
    Descriptor collections = message("Collections");
    FieldDescriptor longs = collections.findFieldByName("longs");
    assertTrue(longs.isRepeated());
    assertTrue(longs.isPacked());
    assertFalse(collections.findFieldByName("names").isPacked());
    assertEquals(
        COMMON_PACKAGE + "Point",
        collections.findFieldByName("points").getMessageType().getFullName());
    assertEquals(
        PACKAGE + "Color", collections.findFieldByName("colors").getEnumType().getFullName());

    FieldDescriptor byId = collections.findFieldByName("by_id");
    assertTrue(byId.isMapField());
    assertEquals("byId", byId.getJsonName());
    Descriptor entry = byId.getMessageType();
    assertEquals(PACKAGE + "Collections.ByIdEntry", entry.getFullName());
    assertTrue(entry.getOptions().getMapEntry());
    assertEquals(FieldDescriptor.Type.UINT64, entry.findFieldByNumber(1).getType());
    assertEquals("key", entry.findFieldByNumber(1).getName());
    assertEquals(PACKAGE + "Scalars", entry.findFieldByNumber(2).getMessageType().getFullName());
    assertEquals("value", entry.findFieldByNumber(2).getName());
    assertEquals(
        List.of("CountsEntry", "LabelsEntry", "ByIdEntry", "ColorOfEntry", "ShapeOfEntry"),
        collections.getNestedTypes().stream().map(Descriptor::getName).toList());
  }

  @Test
  void unionsAreMessagesWithOneValueOneof() {
    Descriptor shape = message("Shape");
    assertEquals(1, shape.getOneofs().size());
    OneofDescriptor value = shape.getOneofs().get(0);
    assertEquals("value", value.getName());
    assertEquals(
        List.of("circle", "rect", "group"),
        value.getFields().stream().map(FieldDescriptor::getName).toList());
    assertEquals(
        List.of(1, 2, 3), value.getFields().stream().map(FieldDescriptor::getNumber).toList());
    assertEquals(PACKAGE + "Group", shape.findFieldByName("group").getMessageType().getFullName());
    assertEquals(List.of(range(4, 5)), ranges(shape.toProto()));

    FieldDescriptor highlighted = message("Group").findFieldByName("highlighted");
    assertTrue(highlighted.toProto().getProto3Optional());
    assertEquals(PACKAGE + "Shape", highlighted.getMessageType().getFullName());
  }

  @Test
  void channelRolesAreUnionsNumberedAsDeclared() {
    assertEquals(List.of("ping:1", "shape:2"), members("StudioClientMessage"));
    assertEquals(List.of("pong:1", "notice:2", "shape:3"), members("StudioServerMessage"));
    assertEquals(List.of("draw:1", "erase:2", "legacy:3"), members("StudioRequest"));
    assertEquals(List.of("drawn:1", "empty:2"), members("StudioResponse"));
    for (String role :
        List.of("QuietClientMessage", "QuietServerMessage", "QuietRequest", "QuietResponse")) {
      assertTrue(message(role).getFields().isEmpty(), role);
      assertTrue(message(role).getOneofs().isEmpty(), role);
    }
  }

  @Test
  void enumsKeepValuesReservedRangesInclusiveAndDeprecation() {
    EnumDescriptorProto color = alltypes.findEnumTypeByName("Color").toProto();
    assertEquals(
        List.of("COLOR_UNSPECIFIED:0", "RED:1", "GREEN:2", "LIME:3"),
        color.getValueList().stream().map(v -> v.getName() + ":" + v.getNumber()).toList());
    assertTrue(color.getValue(3).getOptions().getDeprecated());
    assertFalse(color.getValue(2).getOptions().getDeprecated());
    assertEquals(
        List.of("4..4", "10..19"),
        color.getReservedRangeList().stream().map(r -> r.getStart() + ".." + r.getEnd()).toList());
  }

  @Test
  void messageReservedRangesAreEndExclusiveAndMaxIsTheLargestFieldNumber() {
    DescriptorProto keywords = message("Keywords").toProto();
    assertEquals(List.of(range(5, 10), range(100, 536_870_912)), ranges(keywords));
    assertEquals(List.of("old_name", "older_name"), keywords.getReservedNameList());
    assertEquals("class", message("Keywords").findFieldByNumber(1).getName());
    assertEquals("hashCode", message("Keywords").findFieldByNumber(3).getJsonName());
  }

  @Test
  void deprecationIsAnOption() {
    Descriptor legacy = message("Legacy");
    assertTrue(legacy.getOptions().getDeprecated());
    assertTrue(legacy.findFieldByName("old").getOptions().getDeprecated());
    assertFalse(message("Scalars").getOptions().getDeprecated());
    assertTrue(message("StudioRequest").findFieldByName("legacy").getOptions().getDeprecated());
    assertFalse(message("StudioRequest").findFieldByName("draw").getOptions().getDeprecated());
  }

  /**
   * The {@code .proto} text leaves {@code json_name} out, so it is equivalent to the descriptor
   * only if every JSON name is the one protoc derives from the field name: check that protobuf
   * agrees.
   */
  @Test
  void jsonNamesAreProtobufsDefaults() throws Exception {
    FileDescriptorSet.Builder withoutJsonNames = set.toBuilder();
    for (FileDescriptorProto.Builder file : withoutJsonNames.getFileBuilderList()) {
      file.getMessageTypeBuilderList().forEach(AllTypesDescriptorTest::clearJsonNames);
    }
    Map<String, String> derived = jsonNames(DescriptorSets.link(withoutJsonNames.build()).values());
    Map<String, String> ours = jsonNames(DescriptorSets.link(set).values());

    assertEquals(derived, ours);
    assertEquals("optF32", ours.get(PACKAGE + "Scalars.opt_f32"));
  }

  private static void clearJsonNames(DescriptorProto.Builder message) {
    message.getFieldBuilderList().forEach(FieldDescriptorProto.Builder::clearJsonName);
    message.getNestedTypeBuilderList().forEach(AllTypesDescriptorTest::clearJsonNames);
  }

  /** Every field's full name to its JSON name, nested map entries included. */
  private static Map<String, String> jsonNames(Iterable<FileDescriptor> files) {
    Map<String, String> names = new TreeMap<>();
    List<Descriptor> messages = new ArrayList<>();
    files.forEach(f -> messages.addAll(f.getMessageTypes()));
    for (int i = 0; i < messages.size(); i++) {
      messages.addAll(messages.get(i).getNestedTypes());
      messages.get(i).getFields().forEach(f -> names.put(f.getFullName(), f.getJsonName()));
    }
    return names;
  }

  private static List<String> members(String union) {
    return message(union).getFields().stream().map(f -> f.getName() + ":" + f.getNumber()).toList();
  }

  private static Descriptor message(String name) {
    Descriptor message = alltypes.findMessageTypeByName(name);
    if (message == null) {
      throw new AssertionError("no message " + name + " in alltypes.proto");
    }
    return message;
  }

  private static List<String> ranges(DescriptorProto message) {
    return message.getReservedRangeList().stream()
        .map(r -> range(r.getStart(), r.getEnd()))
        .toList();
  }

  private static String range(int start, int endExclusive) {
    return "[" + start + ", " + endExclusive + ")";
  }

  private static byte[] resource(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
  }
}
