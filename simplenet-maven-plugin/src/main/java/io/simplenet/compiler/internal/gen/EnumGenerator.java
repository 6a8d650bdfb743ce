package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.internal.model.EnumType;
import io.simplenet.compiler.internal.model.EnumValue;
import javax.lang.model.element.Modifier;

/**
 * Generates the Java enum of a schema enum: its values in order plus {@code UNRECOGNIZED}, with
 * {@code number()} and {@code forNumber(int)}.
 */
final class EnumGenerator {
  /** The constant decoding yields for a number or name this version of the schema does not know. */
  static final String UNRECOGNIZED = "UNRECOGNIZED";

  private EnumGenerator() {}

  static TypeSpec.Builder generate(EnumType type) {
    ClassName enumName = TypeMapper.className(type.name());
    TypeSpec.Builder spec = TypeSpec.enumBuilder(enumName).addModifiers(Modifier.PUBLIC);
    JavaDoc javadoc = new JavaDoc().docs(type.docs()).deprecated(type.deprecation());
    if (!javadoc.isEmpty()) {
      spec.addJavadoc(javadoc.build());
    }
    if (type.deprecation() != null) {
      spec.addAnnotation(Deprecations.DEPRECATED);
    }
    for (EnumValue value : type.values()) {
      spec.addEnumConstant(value.name(), constant(value));
    }
    spec.addEnumConstant(
        UNRECOGNIZED,
        TypeSpec.anonymousClassBuilder("$L", -1)
            .addJavadoc(
                "A value this version of the schema does not know: decoding yields it for an\n"
                    + "unknown number or name. It has no number, and encoding it fails.\n")
            .build());
    return spec.addField(TypeName.INT, "number", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(TypeName.INT, "number")
                .addStatement("this.number = number")
                .build())
        .addMethod(numberMethod())
        .addMethod(forNumberMethod(type, enumName));
  }

  private static TypeSpec constant(EnumValue value) {
    TypeSpec.Builder constant =
        TypeSpec.anonymousClassBuilder("$L", value.number())
            .addJavadoc(
                new JavaDoc()
                    .docs(value.docs())
                    .paragraph("{@code $L = $L}", value.name(), value.number())
                    .deprecated(value.deprecation())
                    .build());
    if (value.deprecation() != null) {
      constant.addAnnotation(Deprecations.DEPRECATED);
    }
    return constant.build();
  }

  private static MethodSpec numberMethod() {
    return MethodSpec.methodBuilder("number")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            new JavaDoc()
                .paragraph("The value's number in the schema, which identifies it on the wire.")
                .tag("@throws IllegalStateException if this is {@link #$L}", UNRECOGNIZED)
                .build())
        .returns(TypeName.INT)
        .beginControlFlow("if (this == $N)", UNRECOGNIZED)
        .addStatement(
            "throw new $T($S)", IllegalStateException.class, UNRECOGNIZED + " has no number")
        .endControlFlow()
        .addStatement("return number")
        .build();
  }

  private static MethodSpec forNumberMethod(EnumType type, ClassName enumName) {
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (number) {\n$>");
    for (EnumValue value : type.values()) {
      cases.add("case $L -> $N;\n", value.number(), value.name());
    }
    cases.add("default -> $N;\n$<};\n", UNRECOGNIZED);
    return MethodSpec.methodBuilder("forNumber")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "The value numbered {@code number}, or {@link #$L} if this version of the schema\n"
                + "has none.\n",
            UNRECOGNIZED)
        .returns(enumName)
        .addParameter(TypeName.INT, "number")
        .addCode(cases.build())
        .build();
  }
}
