package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What {@code <Channel>Server} and {@code <Channel>Client} share: each wraps a runtime object held
 * in a field {@code runtime}, delegates to it, and is made by a {@code Builder} that wraps the
 * runtime's builder of the channel's {@code SPEC}.
 */
final class TypedWrapper {
  private TypedWrapper() {}

  /**
   * The final, closeable class {@code name} wrapping {@code runtime}, with its private constructor
   * and {@code builder()}; {@code what} names what it builds in the Javadoc ("a server").
   */
  static TypeSpec.Builder wrapperClass(
      ClassName name, TypeName runtime, ClassName channelClass, String what) {
    ClassName builder = name.nestedClass("Builder");
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addField(runtime, "runtime", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(runtime, "runtime")
                .addStatement("this.runtime = runtime")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("A builder of $L of {@link $T#SPEC}.\n", what, channelClass)
                .returns(builder)
                .addStatement("return new $T()", builder)
                .build());
  }

  /** {@code runtime()}, the escape hatch, and {@code toString()}, the runtime's. */
  static List<MethodSpec> runtimeAndToString(TypeName runtime, String what) {
    return List.of(
        MethodSpec.methodBuilder("runtime")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The runtime $L this one wraps, for what the typed API does not cover.\n", what)
            .returns(runtime)
            .addStatement("return runtime")
            .build(),
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return runtime.toString()")
            .build());
  }

  /** {@code name()}: returns {@code runtime.name()}. */
  static MethodSpec delegate(String name, TypeName returns, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n", doc)
        .returns(returns)
        .addStatement("return runtime.$N()", name)
        .build();
  }

  /**
   * The nested {@code Builder} of {@code wrapper}, holding {@code runtimeClass.builder(SPEC)} in a
   * field {@code runtime}, with a private constructor.
   */
  static TypeSpec.Builder builderClass(
      ClassName wrapper, TypedChannel channel, ClassName runtimeClass, String doc) {
    ParameterizedTypeName runtimeBuilder =
        ParameterizedTypeName.get(
            runtimeClass.nestedClass("Builder"),
            channel.connect,
            channel.clientMessage,
            channel.request,
            channel.serverMessage,
            channel.response);
    return TypeSpec.classBuilder(wrapper.nestedClass("Builder"))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "$L; not thread-safe.\nThe protocol version and codecs come from {@link $T#SPEC}.\n",
            doc,
            channel.channelClass)
        .addField(
            FieldSpec.builder(runtimeBuilder, "runtime", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("$T.builder($T.SPEC)", runtimeClass, channel.channelClass)
                .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  /** {@code name(value)} of {@code wrapper}'s builder: passes it to the runtime's {@code runtimeName}. */
  static MethodSpec setter(
      ClassName wrapper, String name, String runtimeName, TypeName type, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n", doc)
        .returns(wrapper.nestedClass("Builder"))
        .addParameter(type, name)
        .addStatement("runtime.$N($N)", runtimeName, name)
        .addStatement("return this")
        .build();
  }
}
