package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.Deprecation;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.ScalarKind;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeKind;
import io.simplenet.compiler.internal.model.TypeName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One generated {@code <Type>Codec} class being built: what every codec has ({@code INSTANCE},
 * {@code protoName()}, {@code javaType()}), the {@code ValueCodec} constants its methods use, and
 * whether it names anything deprecated.
 */
final class CodecClass {
  static final ClassName MESSAGE_CODEC = ClassName.get("io.simplenet.codec", "MessageCodec");
  static final ClassName VALUE_CODEC = ClassName.get("io.simplenet.codec", "ValueCodec");
  static final ClassName PROTO_WIRE = ClassName.get("io.simplenet.codec", "ProtoWire");
  static final ClassName JSON_WIRE = ClassName.get("io.simplenet.codec", "JsonWire");
  static final ClassName LIST_BUILDER = ClassName.get("io.simplenet.codec", "ListBuilder");
  static final ClassName MAP_BUILDER = ClassName.get("io.simplenet.codec", "MapBuilder");
  static final ClassName CODEC_EXCEPTION = ClassName.get("io.simplenet.codec", "CodecException");
  static final ClassName CODED_INPUT = ClassName.get("com.google.protobuf", "CodedInputStream");
  static final ClassName CODED_OUTPUT = ClassName.get("com.google.protobuf", "CodedOutputStream");
  static final ClassName JSON_GENERATOR =
      ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");

  /** The codec singleton's field. */
  static final String INSTANCE = "INSTANCE";

  /** Parameter and loop variable names of the generated methods, which locals must not reuse. */
  static final String VALUE = "value";

  static final String OUT = "out";
  static final String IN = "in";
  static final String DEPTH = "depth";
  static final String TAG = "tag";
  static final String FIELD = "field";
  static final List<String> RESERVED_LOCALS = List.of(VALUE, OUT, IN, DEPTH, TAG, FIELD);

  /** Protobuf's wire types, which the tags in generated {@code switch}es combine with numbers. */
  static final int WIRETYPE_VARINT = 0;

  static final int WIRETYPE_FIXED64 = 1;
  static final int WIRETYPE_LENGTH_DELIMITED = 2;
  static final int WIRETYPE_FIXED32 = 5;

  private final SchemaSet schemas;
  private final TypeName type;
  private final Deprecation deprecation;
  private final ClassName codecName;
  private final NameAllocator constantNames = new NameAllocator();

  /** The {@code ValueCodec} constants, by the enum, message or union they encode. */
  private final Map<TypeName, FieldSpec> constants = new LinkedHashMap<>();

  private final List<MethodSpec> methods = new ArrayList<>();
  private boolean namesDeprecated;

  /** A codec for {@code type}, which the schema deprecates if {@code deprecation} is not null. */
  CodecClass(SchemaSet schemas, TypeName type, Deprecation deprecation) {
    this.schemas = schemas;
    this.type = type;
    this.deprecation = deprecation;
    this.codecName = codecName(type);
    constantNames.newName(INSTANCE);
  }

  /** A field's tag as protobuf writes it: the field number and the wire type in one varint. */
  static int tag(int fieldNumber, int wireType) {
    return fieldNumber << 3 | wireType;
  }

  /** The codec class of a message, union or role. */
  static ClassName codecName(TypeName type) {
    return ClassName.get(type.javaPackage(), GeneratedNames.codecClass(type.simpleName()));
  }

  /** {@code <Type>Codec.INSTANCE}, the codec of a message, union or role. */
  CodeBlock codecOf(TypeName message) {
    names(message);
    return CodeBlock.of("$T.$N", codecName(message), INSTANCE);
  }

  SchemaSet schemas() {
    return schemas;
  }

  TypeName type() {
    return type;
  }

  /** The generated class the codec encodes. */
  ClassName valueType() {
    return TypeMapper.className(type);
  }

  /**
   * The {@code ValueCodec} of a scalar, enum, message or union: a constant of {@code ValueCodec}
   * for scalars, else a constant of this codec, declared on first use.
   */
  CodeBlock valueCodec(FieldType valueType) {
    if (valueType instanceof FieldType.Scalar scalar) {
      return scalarCodec(scalar.kind());
    }
    TypeName name = ((FieldType.Named) valueType).name();
    names(name);
    FieldSpec constant = constants.computeIfAbsent(name, this::constant);
    return CodeBlock.of("$N", constant);
  }

  /** {@code ValueCodec.INT32} and the like. */
  static CodeBlock scalarCodec(ScalarKind kind) {
    return CodeBlock.of("$T.$L", VALUE_CODEC, kind.name());
  }

  private FieldSpec constant(TypeName name) {
    ClassName javaType = TypeMapper.className(name);
    CodeBlock initializer =
        name.kind() == TypeKind.ENUM
            ? CodeBlock.of(
                "$T.ofEnum($T.class,$W$T::number,$W$T::forNumber)",
                VALUE_CODEC,
                javaType,
                javaType,
                javaType)
            : CodeBlock.of("$T.ofMessage($W$L)", VALUE_CODEC, codecOf(name));
    return FieldSpec.builder(
            ParameterizedTypeName.get(VALUE_CODEC, javaType),
            constantNames.newName(upperSnake(name.simpleName()), name),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(initializer)
        .build();
  }

  /** {@code StudioClientMessage} becomes {@code STUDIO_CLIENT_MESSAGE}. */
  static String upperSnake(String camelCase) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camelCase.length(); i++) {
      char c = camelCase.charAt(i);
      boolean wordStart =
          i > 0
              && Character.isUpperCase(c)
              && (!Character.isUpperCase(camelCase.charAt(i - 1))
                  || (i + 1 < camelCase.length()
                      && Character.isLowerCase(camelCase.charAt(i + 1))));
      if (wordStart && camelCase.charAt(i - 1) != '_') {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Records that the generated code names {@code other}, which may be deprecated. */
  void names(TypeName other) {
    namesDeprecated |= Deprecations.isDeprecated(schemas, other);
  }

  /** Records that the generated code uses something deprecated, such as a field's accessor. */
  void namesDeprecated() {
    namesDeprecated = true;
  }

  void addMethod(MethodSpec method) {
    methods.add(method);
  }

  /** One case of a decoding {@code switch}: tags (numbers) or JSON names, and a statement. */
  record Case(List<?> labels, CodeBlock statement) {}

  /**
   * The loop of {@code readFrom}: over the tags of {@code in}, a {@code switch} of {@code cases}
   * whose default skips unknown fields.
   */
  static CodeBlock tagLoop(List<Case> cases) {
    return loop(
        CodeBlock.of(
            "for (int $N = $N.readTag(); $N != 0; $N = $N.readTag())", TAG, IN, TAG, TAG, IN),
        TAG,
        cases,
        CodeBlock.of("$T.skipField($N, $N)", PROTO_WIRE, IN, TAG));
  }

  /**
   * The loop of {@code readJson}: over the fields of the object, a {@code switch} of {@code cases}
   * whose default skips unknown fields. A name already taken by an earlier case is left out.
   */
  static CodeBlock fieldLoop(List<Case> cases) {
    Set<Object> taken = new HashSet<>();
    List<Case> unique = new ArrayList<>();
    for (Case c : cases) {
      List<?> labels = c.labels().stream().filter(taken::add).toList();
      if (!labels.isEmpty()) {
        unique.add(new Case(labels, c.statement()));
      }
    }
    return loop(
        CodeBlock.of(
            "for ($T $N = $T.nextField($N); $N != null; $N = $T.nextField($N))",
            String.class,
            FIELD,
            JSON_WIRE,
            IN,
            FIELD,
            FIELD,
            JSON_WIRE,
            IN),
        FIELD,
        unique,
        CodeBlock.of("$T.skipValue($N)", JSON_WIRE, IN));
  }

  /** The names a field or member is read under in JSON: its JSON name and its schema name. */
  static List<String> jsonLabels(String jsonName, String schemaName) {
    return jsonName.equals(schemaName) ? List.of(jsonName) : List.of(jsonName, schemaName);
  }

  private static CodeBlock loop(
      CodeBlock header, String selector, List<Case> cases, CodeBlock skip) {
    CodeBlock.Builder loop = CodeBlock.builder().beginControlFlow("$L", header);
    if (cases.isEmpty()) {
      return loop.addStatement(skip).endControlFlow().build();
    }
    loop.beginControlFlow("switch ($N)", selector);
    for (Case c : cases) {
      CodeBlock labels =
          CodeBlock.join(
              c.labels().stream()
                  .map(l -> l instanceof String ? CodeBlock.of("$S", l) : CodeBlock.of("$L", l))
                  .toList(),
              ", ");
      loop.addStatement("case $L -> $L", labels, c.statement());
    }
    return loop.addStatement("default -> $L", skip).endControlFlow().endControlFlow().build();
  }

  /** {@code void writeTo(T value, CodedOutputStream out)}, without a body. */
  MethodSpec.Builder writeTo() {
    return override("writeTo")
        .addParameter(valueType(), VALUE)
        .addParameter(CODED_OUTPUT, OUT)
        .addException(IOException.class);
  }

  /** {@code int serializedSize(T value)}, without a body. */
  MethodSpec.Builder serializedSize() {
    return override("serializedSize").returns(int.class).addParameter(valueType(), VALUE);
  }

  /** {@code T readFrom(CodedInputStream in, int depth)}, without a body. */
  MethodSpec.Builder readFrom() {
    return override("readFrom")
        .returns(valueType())
        .addParameter(CODED_INPUT, IN)
        .addParameter(int.class, DEPTH)
        .addException(IOException.class);
  }

  /** {@code void writeJson(T value, JsonGenerator out)}, without a body. */
  MethodSpec.Builder writeJson() {
    return override("writeJson")
        .addParameter(valueType(), VALUE)
        .addParameter(JSON_GENERATOR, OUT)
        .addException(IOException.class);
  }

  /** {@code T readJson(JsonParser in, int depth)}, without a body. */
  MethodSpec.Builder readJson() {
    return override("readJson")
        .returns(valueType())
        .addParameter(JSON_PARSER, IN)
        .addParameter(int.class, DEPTH)
        .addException(IOException.class);
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }

  /** The complete class, ready for {@link JavaFiles#write}. */
  TypeSpec.Builder build() {
    ClassName valueType = valueType();
    TypeSpec.Builder codec =
        TypeSpec.classBuilder(codecName)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(MESSAGE_CODEC, valueType))
            .addJavadoc(
                new JavaDoc()
                    .paragraph(
                        "Encodes {@link $T} in protobuf's binary format and its canonical JSON"
                            + " mapping.\nStateless and thread-safe.",
                        valueType)
                    .deprecated(deprecation)
                    .build());
    if (deprecation != null) {
      codec.addAnnotation(Deprecations.DEPRECATED);
    } else if (namesDeprecated) {
      codec.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    codec.addField(
        FieldSpec.builder(codecName, INSTANCE, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The codec; there is no other instance.\n")
            .initializer("new $T()", codecName)
            .build());
    constants.values().forEach(codec::addField);
    codec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    codec.addMethod(
        MethodSpec.methodBuilder("protoName")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S", type.protoFullName())
            .build());
    codec.addMethod(
        MethodSpec.methodBuilder("javaType")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), valueType))
            .addStatement("return $T.class", valueType)
            .build());
    methods.forEach(codec::addMethod);
    return codec;
  }
}
