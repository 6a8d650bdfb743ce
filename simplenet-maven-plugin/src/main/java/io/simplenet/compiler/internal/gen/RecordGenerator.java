package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.MessageType;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates the record of a message: a component per field, a compact constructor that rejects
 * nulls and copies collections, {@code DEFAULT} when the message has a default instance, and a
 * builder.
 */
final class RecordGenerator {
  private static final ClassName RECORD_COLLECTIONS =
      ClassName.get("io.simplenet.codec", "RecordCollections");

  private final SchemaSet schemas;
  private final MessageType message;
  private final ClassName recordName;
  private final ClassName builderName;

  private RecordGenerator(SchemaSet schemas, MessageType message) {
    this.schemas = schemas;
    this.message = message;
    this.recordName = TypeMapper.className(message.name());
    this.builderName = recordName.nestedClass("Builder");
  }

  static TypeSpec.Builder generate(SchemaSet schemas, MessageType message) {
    return new RecordGenerator(schemas, message).record();
  }

  private TypeSpec.Builder record() {
    JavaDoc javadoc = new JavaDoc().docs(message.docs());
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (Field field : message.fields()) {
      javadoc.param(field.javaName(), field.docs(), field.deprecation());
      components.addParameter(component(field));
    }
    javadoc.deprecated(message.deprecation());

    TypeSpec.Builder record =
        TypeSpec.recordBuilder(recordName)
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(components.build());
    if (!javadoc.isEmpty()) {
      record.addJavadoc(javadoc.build());
    }
    if (message.deprecation() != null) {
      record.addAnnotation(Deprecations.DEPRECATED);
    }
    if (implementsDeprecatedInterface()) {
      record.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    message.memberOf().forEach(union -> record.addSuperinterface(TypeMapper.className(union)));
    if (message.hasDefault()) {
      record.addField(defaultInstance());
    }
    CodeBlock checks = nullChecksAndCopies();
    if (!checks.isEmpty()) {
      record.addMethod(
          MethodSpec.compactConstructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addCode(checks)
              .build());
    }
    return record.addMethod(builderMethod()).addMethod(toBuilderMethod()).addType(builderClass());
  }

  private ParameterSpec component(Field field) {
    ParameterSpec.Builder component =
        ParameterSpec.builder(TypeMapper.componentType(field), field.javaName());
    if (field.deprecation() != null) {
      component.addAnnotation(Deprecations.DEPRECATED);
    }
    // javac warns that @Deprecated has no effect on the canonical constructor's parameter, and
    // about a deprecated component type, unless the record itself is deprecated.
    if ((field.deprecation() != null && message.deprecation() == null)
        || namesDeprecatedType(field)) {
      component.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    return component.build();
  }

  private FieldSpec defaultInstance() {
    return FieldSpec.builder(
            recordName, "DEFAULT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "The value whose fields are all absent: what decoding an empty message yields.\n")
        .initializer("builder().build()")
        .build();
  }

  /**
   * The compact constructor's body: non-optional references must not be null, lists become
   * unmodifiable copies without null elements, and maps unmodifiable insertion-ordered copies
   * without null keys or values; {@code RecordCollections} skips the copy of a collection a
   * decoder built, which nobody else can change.
   */
  private CodeBlock nullChecksAndCopies() {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Field field : message.fields()) {
      String name = field.javaName();
      if (field.optional() || TypeMapper.componentType(field).isPrimitive()) {
        continue;
      }
      code.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name + " == null");
      if (field.type() instanceof FieldType.ListOf || field.type() instanceof FieldType.MapOf) {
        code.addStatement("$N = $T.copyOf($N, $S)", name, RECORD_COLLECTIONS, name, name);
      }
    }
    return code.build();
  }

  private MethodSpec builderMethod() {
    List<String> required = new ArrayList<>();
    for (Field field : message.fields()) {
      if (!field.optional() && TypeMapper.defaultValue(schemas, field).equals(TypeMapper.NULL)) {
        required.add("{@code " + field.javaName() + "}");
      }
    }
    JavaDoc javadoc = new JavaDoc().paragraph("A builder whose fields start at their defaults.");
    if (!required.isEmpty()) {
      javadoc.paragraph(
          "$L $L no default and must be set before {@link $T#build()}.",
          String.join(", ", required),
          required.size() == 1 ? "has" : "have",
          builderName);
    }
    return MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc.build())
        .returns(builderName)
        .addStatement("return new $T()", builderName)
        .build();
  }

  private MethodSpec toBuilderMethod() {
    return MethodSpec.methodBuilder("toBuilder")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A builder whose fields start at this value's.\n")
        .returns(builderName)
        .addStatement(
            message.fields().isEmpty() ? "return new $T()" : "return new $T(this)", builderName)
        .build();
  }

  private TypeSpec builderClass() {
    TypeSpec.Builder builder =
        TypeSpec.classBuilder(builderName)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "Builds {@link $T} values. Not thread-safe: use a builder from one thread at a"
                    + " time.\n",
                recordName);
    if (builderNamesDeprecated()) {
      builder.addAnnotation(Deprecations.SUPPRESS_DEPRECATION);
    }
    for (Field field : message.fields()) {
      TypeName type = TypeMapper.componentType(field);
      CodeBlock defaultValue = TypeMapper.defaultValue(schemas, field);
      FieldSpec.Builder builderField = FieldSpec.builder(type, field.javaName(), Modifier.PRIVATE);
      // Zero, false and null are Java's own defaults.
      if (!type.isPrimitive() && !defaultValue.equals(TypeMapper.NULL)) {
        builderField.initializer(defaultValue);
      }
      builder.addField(builderField.build());
    }
    builder.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (!message.fields().isEmpty()) {
      builder.addMethod(copyConstructor());
    }
    for (Field field : message.fields()) {
      builder.addMethod(setter(field));
    }
    return builder.addMethod(buildMethod()).build();
  }

  private MethodSpec copyConstructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(recordName, "value");
    for (Field field : message.fields()) {
      constructor.addStatement("this.$N = value.$N()", field.javaName(), field.javaName());
    }
    return constructor.build();
  }

  private MethodSpec setter(Field field) {
    JavaDoc javadoc = new JavaDoc().docs(field.docs());
    if (field.docs().isEmpty()) {
      javadoc.paragraph("Sets {@code $L}.", field.javaName());
    }
    javadoc.deprecated(field.deprecation());
    MethodSpec.Builder setter =
        MethodSpec.methodBuilder(field.javaName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(javadoc.build())
            .returns(builderName)
            .addParameter(TypeMapper.componentType(field), field.javaName())
            .addStatement("this.$N = $N", field.javaName(), field.javaName())
            .addStatement("return this");
    if (field.deprecation() != null) {
      setter.addAnnotation(Deprecations.DEPRECATED);
    }
    return setter.build();
  }

  private MethodSpec buildMethod() {
    CodeBlock arguments =
        message.fields().stream()
            .map(field -> CodeBlock.of("$N", field.javaName()))
            .collect(CodeBlock.joining(",$W"));
    return MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            new JavaDoc()
                .paragraph("A new {@link $T} with this builder's fields.", recordName)
                .tag("@throws NullPointerException if a field that is not optional is null")
                .build())
        .returns(recordName)
        .addStatement("return new $T($L)", recordName, arguments)
        .build();
  }

  /** Whether the record's interfaces include a deprecated one; a deprecated record may use them. */
  private boolean implementsDeprecatedInterface() {
    return message.deprecation() == null
        && message.memberOf().stream().anyMatch(union -> Deprecations.isDeprecated(schemas, union));
  }

  /** Whether {@code field}'s type names a deprecated type that this record may not use silently. */
  private boolean namesDeprecatedType(Field field) {
    return message.deprecation() == null && Deprecations.namesDeprecatedType(schemas, field.type());
  }

  /** Whether the builder names a deprecated type or default enum constant of another class. */
  private boolean builderNamesDeprecated() {
    return message.fields().stream()
        .anyMatch(field -> namesDeprecatedType(field) || defaultIsDeprecatedConstant(field));
  }

  private boolean defaultIsDeprecatedConstant(Field field) {
    return message.deprecation() == null
        && !field.optional()
        && field.type() instanceof FieldType.Named named
        && named.name().kind() == TypeKind.ENUM
        && TypeMapper.zeroValue(schemas.enumType(named.name())).deprecation() != null;
  }
}
