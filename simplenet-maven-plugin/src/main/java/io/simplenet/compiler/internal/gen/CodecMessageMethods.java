package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.internal.gen.CodecClass.OUT;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import io.simplenet.compiler.internal.model.Field;
import io.simplenet.compiler.internal.model.MessageType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The encoding and decoding methods of a message's codec: one line per field, fields written in
 * number order, decoded into locals and then the record's canonical constructor.
 */
final class CodecMessageMethods {
  private final CodecClass codec;

  /** In declaration order, which is the record's component order. */
  private final List<CodecField> fields = new ArrayList<>();

  private CodecMessageMethods(CodecClass codec, MessageType message) {
    this.codec = codec;
    NameAllocator locals = new NameAllocator();
    CodecClass.RESERVED_LOCALS.forEach(locals::newName);
    for (Field field : message.fields()) {
      fields.add(new CodecField(codec, field, locals.newName(field.javaName(), field)));
    }
  }

  /** Adds {@code message}'s encoding and decoding methods to {@code codec}. */
  static void addTo(CodecClass codec, MessageType message) {
    CodecMessageMethods methods = new CodecMessageMethods(codec, message);
    codec.addMethod(methods.writeTo());
    codec.addMethod(methods.serializedSize());
    codec.addMethod(methods.readFrom());
    codec.addMethod(methods.writeJson());
    codec.addMethod(methods.readJson());
  }

  private List<CodecField> inNumberOrder() {
    return fields.stream()
        .sorted(Comparator.comparingInt(f -> f.field().number()))
        .collect(Collectors.toList());
  }

  private MethodSpec writeTo() {
    MethodSpec.Builder method = codec.writeTo();
    inNumberOrder().forEach(field -> method.addStatement(field.write()));
    return method.build();
  }

  private MethodSpec serializedSize() {
    List<CodeBlock> sizes = inNumberOrder().stream().map(CodecField::size).toList();
    if (sizes.isEmpty()) {
      return codec.serializedSize().addStatement("return 0").build();
    }
    CodeBlock.Builder sum = CodeBlock.builder().add("return $L", sizes.get(0)).indent().indent();
    sizes.subList(1, sizes.size()).forEach(size -> sum.add("\n+ $L", size));
    return codec.serializedSize().addCode(sum.unindent().unindent().add(";\n").build()).build();
  }

  private MethodSpec readFrom() {
    MethodSpec.Builder method = codec.readFrom();
    fields.forEach(field -> method.addStatement(field.declareLocal()));
    method.addCode(
        CodecClass.tagLoop(
            inNumberOrder().stream()
                .map(field -> new CodecClass.Case(field.tags(), field.readBinary()))
                .toList()));
    return construct(method).build();
  }

  private MethodSpec writeJson() {
    MethodSpec.Builder method = codec.writeJson().addStatement("$N.writeStartObject()", OUT);
    inNumberOrder().forEach(field -> method.addStatement(field.writeJson()));
    return method.addStatement("$N.writeEndObject()", OUT).build();
  }

  private MethodSpec readJson() {
    MethodSpec.Builder method = codec.readJson();
    fields.forEach(field -> method.addStatement(field.declareLocal()));
    method.addCode(
        CodecClass.fieldLoop(
            inNumberOrder().stream()
                .map(field -> new CodecClass.Case(field.jsonLabels(), field.readJson()))
                .toList()));
    return construct(method).build();
  }

  /** Ends a decoding method: checks required fields and calls the canonical constructor. */
  private MethodSpec.Builder construct(MethodSpec.Builder method) {
    fields.stream().filter(CodecField::isRequired).forEach(f -> method.addCode(f.checkPresent()));
    CodeBlock arguments =
        fields.stream().map(CodecField::argument).collect(CodeBlock.joining(",$W"));
    return method.addStatement("return new $T($L)", codec.valueType(), arguments);
  }
}
