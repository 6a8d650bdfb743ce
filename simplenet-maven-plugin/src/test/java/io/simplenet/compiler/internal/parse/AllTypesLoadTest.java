package io.simplenet.compiler.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simplenet.compiler.internal.model.Channel;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.RequestKind;
import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import io.simplenet.compiler.internal.model.UnionType;
import io.simplenet.compiler.testing.AllTypesFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the shared fixture and checks the facts of the model the generators rely on. */
class AllTypesLoadTest {
  private static final String PACKAGE = "io.simplenet.fixture.alltypes";
  private static final String COMMON = "io.simplenet.fixture.common";

  private static SchemaLoader.Result result;
  private static SchemaSet set;
  private static Schema schema;

  @BeforeAll
  static void load() {
    result = TestSchemas.load(AllTypesFixture.sourceRoot(), AllTypesFixture.ALL_TYPES);
    set = result.schemas();
    schema = set == null ? null : set.schema("alltypes.channel");
  }

  @Test
  void loadsWithoutDiagnostics() {
    assertEquals(List.of(), TestSchemas.headlines(result));
    assertFalse(result.hasErrors());
    assertNotNull(set);
  }

  @Test
  void importsComeFirstAndEveryFileReadIsAnInput() {
    assertEquals(
        List.of("shared/common.channel", "alltypes.channel"),
        set.schemas().stream().map(Schema::path).toList());
    Path root = AllTypesFixture.sourceRoot().toAbsolutePath().normalize();
    assertEquals(
        List.of(root.resolve("alltypes.channel"), root.resolve("shared/common.channel")),
        result.inputs());
    assertEquals(List.of("shared/common.channel"), schema.imports());
    assertEquals(PACKAGE, schema.javaPackage());
    assertEquals(
        "Every construct of the schema language, for the compiler's own tests.",
        schema.docs().text());
  }

  @Test
  void keywordFieldsAreEscapedInJavaButNotInJson() {
    MessageType keywords = message("Keywords");
    assertEquals(
        List.of("class_", "default_", "hashCode_", "toString_"),
        keywords.fields().stream().map(Field::javaName).toList());
    assertEquals(
        List.of("class", "default", "hashCode", "toString"),
        keywords.fields().stream().map(Field::jsonName).toList());
    assertEquals(
        List.of("class", "default", "hash_code", "to_string"),
        keywords.fields().stream().map(Field::schemaName).toList());
    assertEquals(
        new Reserved(
            List.of(new Reserved.Range(5, 9), new Reserved.Range(100, Reserved.MAX_FIELD_NUMBER)),
            List.of("old_name", "older_name")),
        keywords.reserved());
  }

  @Test
  void fieldsCarryTypesNumbersAndOptionality() {
    Map<String, Field> scalars = fields(message("Scalars"));
    assertEquals(new FieldType.Scalar(ScalarKind.UINT64), scalars.get("u64").type());
    assertFalse(scalars.get("u64").optional());
    assertTrue(scalars.get("opt_blob").optional());
    assertEquals(19, scalars.get("opt_blob").number());
    assertEquals("optBlob", scalars.get("opt_blob").javaName());

    Map<String, Field> collections = fields(message("Collections"));
    TypeName point = new TypeName(COMMON, "Point", TypeKind.MESSAGE, "shared/common.channel");
    assertEquals(
        new FieldType.ListOf(new FieldType.Named(point)), collections.get("points").type());
    assertEquals(
        new FieldType.MapOf(
            ScalarKind.UINT64, new FieldType.Named(name("Scalars", TypeKind.MESSAGE))),
        collections.get("by_id").type());
    assertEquals(
        new FieldType.MapOf(ScalarKind.INT64, new FieldType.Named(name("Shape", TypeKind.UNION))),
        collections.get("shape_of").type());
    assertEquals("colorOf", collections.get("color_of").jsonName());
    // A simple name and a qualified name resolve to the same imported type.
    assertEquals(new FieldType.Named(point), fields(message("Rect")).get("top_left").type());
    assertEquals(new FieldType.Named(point), fields(message("Circle")).get("center").type());
  }

  @Test
  void unionsAndRolesKnowTheirMembersAndContainers() {
    UnionType shape = union("Shape");
    assertEquals(
        List.of("circle=1", "rect=2", "group=3"),
        shape.members().stream().map(m -> m.fieldName() + "=" + m.number()).toList());
    assertEquals(List.of(new Reserved.Range(4, 4)), shape.reserved().ranges());
    assertNull(shape.role());
    assertEquals(
        List.of(
            name("StudioClientMessage", TypeKind.UNION),
            name("StudioServerMessage", TypeKind.UNION)),
        shape.memberOf());
    assertEquals(List.of(name("Shape", TypeKind.UNION)), message("Group").memberOf());
    assertEquals(List.of(name("Shape", TypeKind.UNION)), message("Circle").memberOf());
    assertEquals(List.of(name("StudioResponse", TypeKind.UNION)), message("Empty").memberOf());
    assertEquals(List.of(name("StudioRequest", TypeKind.UNION)), message("Legacy").memberOf());
    assertEquals(List.of(), message("Hello").memberOf());
  }

  @Test
  void hasDefaultFollowsNonOptionalUnionFields() {
    assertFalse(message("Drawing").hasDefault());
    assertFalse(message("Draw").hasDefault(), "through the non-optional message field 'drawing'");
    assertTrue(message("Tree").hasDefault());
    assertTrue(message("Group").hasDefault(), "its union fields are optional or lists");
    assertTrue(message("Collections").hasDefault(), "a map of unions is empty by default");
  }

  @Test
  void studioHasEveryRole() {
    Channel studio = channel("Studio");
    assertEquals("1.2.3-test", studio.version());
    assertEquals(name("Hello", TypeKind.MESSAGE), studio.connect());
    assertEquals(List.of("ping=1", "shape=2"), memberNumbers(studio.clientMessages()));
    assertEquals(List.of("pong=1", "notice=2", "shape=3"), memberNumbers(studio.serverMessages()));
    assertEquals(List.of("draw=1", "erase=2", "legacy=3"), memberNumbers(studio.requests()));
    assertEquals(List.of("drawn=1", "empty=2"), memberNumbers(studio.responses()));
    assertEquals(name("StudioResponse", TypeKind.UNION), studio.responses().name());
    assertEquals(UnionType.Role.RESPONSE, studio.responses().role());
    assertEquals(UnionType.Role.CLIENT_MESSAGE, studio.clientMessages().role());
    assertEquals(
        List.of(
            studio.clientMessages(),
            studio.serverMessages(),
            studio.requests(),
            studio.responses()),
        studio.roles());

    List<RequestKind> kinds = studio.requestKinds();
    assertEquals(
        List.of("Draw->Drawn=1", "Erase->Empty=2", "Legacy->Empty=3"),
        kinds.stream()
            .map(
                k -> k.request().simpleName() + "->" + k.response().simpleName() + "=" + k.number())
            .toList());
    assertEquals("Draws a shape and returns its id.", kinds.get(0).docs().text());
    assertEquals("", kinds.get(2).deprecation().reason());
    assertNull(kinds.get(0).deprecation());
    assertEquals(
        "Exercises every role, several request kinds and a response shared by two kinds.",
        studio.docs().text());
    // Roles are in the set's type index like declared unions.
    assertEquals(studio.responses(), set.union(studio.responses().name()));
  }

  @Test
  void quietHasEmptyRoles() {
    Channel quiet = channel("Quiet");
    assertEquals("0", quiet.version());
    assertEquals(name("Empty", TypeKind.MESSAGE), quiet.connect());
    for (UnionType role : quiet.roles()) {
      assertEquals(List.of(), role.members(), role.name().toString());
    }
    assertEquals(List.of(), quiet.requestKinds());
  }

  @Test
  void enumsKeepValuesDocsDeprecationAndReserved() {
    EnumType color = set.enumType(name("Color", TypeKind.ENUM));
    assertEquals(
        List.of("COLOR_UNSPECIFIED=0", "RED=1", "GREEN=2", "LIME=3"),
        color.values().stream().map(v -> v.name() + "=" + v.number()).toList());
    assertEquals("The color of fire trucks.", color.values().get(1).docs().text());
    assertEquals("use GREEN", color.values().get(3).deprecation().reason());
    assertNull(color.values().get(2).deprecation());
    assertEquals(
        List.of(new Reserved.Range(4, 4), new Reserved.Range(10, 19)), color.reserved().ranges());
    EnumType priority = set.schema("shared/common.channel").enums().get(0);
    assertEquals(
        new TypeName(COMMON, "Priority", TypeKind.ENUM, "shared/common.channel"), priority.name());
  }

  @Test
  void declarationsKeepDocsDeprecationAndPositions() {
    MessageType legacy = message("Legacy");
    assertEquals("use Scalars", legacy.deprecation().reason());
    assertEquals("", legacy.fields().get(0).deprecation().reason());
    assertTrue(message("Empty").docs().isEmpty());
    assertEquals("Every scalar, once plain and once optional.", message("Scalars").docs().text());
    assertEquals("alltypes.channel:7:9", message("Scalars").pos().toString());
    assertEquals("alltypes.channel:8:8", message("Scalars").fields().get(0).pos().toString());
    assertEquals(
        List.of(
            "Scalars",
            "Collections",
            "Circle",
            "Rect",
            "Group",
            "Tree",
            "Keywords",
            "Drawing",
            "Legacy",
            "Empty",
            "Hello",
            "Ping",
            "Pong",
            "Draw",
            "Drawn",
            "Erase",
            "Notice"),
        schema.messages().stream().map(m -> m.name().simpleName()).toList());
  }

  private static List<String> memberNumbers(UnionType union) {
    return union.members().stream().map(m -> m.fieldName() + "=" + m.number()).toList();
  }

  private static TypeName name(String simpleName, TypeKind kind) {
    return new TypeName(PACKAGE, simpleName, kind, "alltypes.channel");
  }

  private static MessageType message(String simpleName) {
    return set.message(name(simpleName, TypeKind.MESSAGE));
  }

  private static UnionType union(String simpleName) {
    return set.union(name(simpleName, TypeKind.UNION));
  }

  private static Channel channel(String name) {
    return schema.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, Field> fields(MessageType message) {
    return message.fields().stream()
        .collect(Collectors.toMap(Field::schemaName, Function.identity()));
  }
}
