package io.simplenet.compiler.internal.gen;

import static io.simplenet.compiler.internal.gen.CodecClass.CODEC_EXCEPTION;
import static io.simplenet.compiler.internal.gen.CodecClass.DEPTH;
import static io.simplenet.compiler.internal.gen.CodecClass.IN;
import static io.simplenet.compiler.internal.gen.CodecClass.JSON_WIRE;
import static io.simplenet.compiler.internal.gen.CodecClass.OUT;
import static io.simplenet.compiler.internal.gen.CodecClass.PROTO_WIRE;
import static io.simplenet.compiler.internal.gen.CodecClass.VALUE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import io.simplenet.compiler.internal.model.UnionMember;
import io.simplenet.compiler.internal.model.UnionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The encoding and decoding methods of a union's or role's codec. On the wire a union is a message
 * with one {@code oneof}: encoding writes the field of the member the value is an instance of;
 * decoding keeps the last member seen, as protobuf does, and fails if there is none.
 */
final class CodecUnionMethods {
  private final CodecClass codec;

  /** In field number order. */
  private final List<UnionMember> members;

  private final String unionName;

  /** The pattern variable of each member, by its index in {@link #members}. */
  private final List<String> patterns;

  private CodecUnionMethods(CodecClass codec, UnionType union) {
    this.codec = codec;
    this.members =
        union.members().stream().sorted(Comparator.comparingInt(UnionMember::number)).toList();
    this.unionName = union.name().protoFullName();
    NameAllocator names = new NameAllocator();
    CodecClass.RESERVED_LOCALS.forEach(names::newName);
    this.patterns =
        members.stream().map(m -> names.newName(lowerFirst(m.type().simpleName()))).toList();
  }

  /** Adds {@code union}'s encoding and decoding methods to {@code codec}. */
  static void addTo(CodecClass codec, UnionType union) {
    CodecUnionMethods methods = new CodecUnionMethods(codec, union);
    codec.addMethod(methods.writeTo());
    codec.addMethod(methods.serializedSize());
    codec.addMethod(methods.readFrom());
    codec.addMethod(methods.writeJson());
    codec.addMethod(methods.readJson());
  }

  private MethodSpec writeTo() {
    return codec
        .writeTo()
        .addCode(
            byMember(
                (member, pattern) ->
                    CodeBlock.of(
                        "$T.writeMessage($N, $L, $L, $N);\n",
                        PROTO_WIRE,
                        OUT,
                        member.number(),
                        codec.codecOf(member.type()),
                        pattern)))
        .build();
  }

  private MethodSpec serializedSize() {
    return codec
        .serializedSize()
        .addCode(
            byMember(
                (member, pattern) ->
                    CodeBlock.of(
                        "return $T.messageSize($L, $L, $N);\n",
                        PROTO_WIRE,
                        member.number(),
                        codec.codecOf(member.type()),
                        pattern)))
        .build();
  }

  private MethodSpec writeJson() {
    if (members.isEmpty()) {
      return codec.writeJson().addCode(nothingToEncode()).build();
    }
    return codec
        .writeJson()
        .addStatement("$N.writeStartObject()", OUT)
        .addCode(
            byMember(
                (member, pattern) ->
                    CodeBlock.of(
                        "$T.writeMessage($N, $S, $L, $N);\n",
                        JSON_WIRE,
                        OUT,
                        member.jsonName(),
                        codec.codecOf(member.type()),
                        pattern)))
        .addStatement("$N.writeEndObject()", OUT)
        .build();
  }

  /**
   * {@code if (value instanceof Circle circle) { <code> } else if ...}, ending in an exception for
   * null; for a role without members, only the exception.
   */
  private CodeBlock byMember(BiFunction<UnionMember, String, CodeBlock> code) {
    if (members.isEmpty()) {
      return nothingToEncode();
    }
    CodeBlock.Builder chain = CodeBlock.builder();
    for (int i = 0; i < members.size(); i++) {
      UnionMember member = members.get(i);
      String condition = i == 0 ? "if ($N instanceof $T $N)" : "else if ($N instanceof $T $N)";
      CodeBlock test =
          CodeBlock.of(condition, VALUE, TypeMapper.className(member.type()), patterns.get(i));
      if (i == 0) {
        chain.beginControlFlow("$L", test);
      } else {
        chain.nextControlFlow("$L", test);
      }
      chain.add(code.apply(member, patterns.get(i)));
    }
    return chain
        .nextControlFlow("else")
        .addStatement(
            "throw new $T($S$W+ $N)",
            IllegalArgumentException.class,
            "not a member of " + unionName + ": ",
            VALUE)
        .endControlFlow()
        .build();
  }

  /** The body of an encoding method of a role without members, whose type has no instances. */
  private CodeBlock nothingToEncode() {
    return CodeBlock.builder()
        .addStatement(
            "throw new $T($S)",
            IllegalArgumentException.class,
            unionName + " has no members, so there is no value to encode")
        .build();
  }

  private MethodSpec readFrom() {
    MethodSpec.Builder method = codec.readFrom();
    List<CodecClass.Case> cases = new ArrayList<>();
    for (UnionMember member : members) {
      int tag = CodecClass.tag(member.number(), CodecClass.WIRETYPE_LENGTH_DELIMITED);
      CodeBlock read =
          CodeBlock.of(
              "$N = $T.readMessage($N, $N, $L)",
              VALUE,
              PROTO_WIRE,
              IN,
              DEPTH,
              codec.codecOf(member.type()));
      cases.add(new CodecClass.Case(List.of(tag), read));
    }
    return requireMember(declareValue(method).addCode(CodecClass.tagLoop(cases))).build();
  }

  private MethodSpec readJson() {
    MethodSpec.Builder method = codec.readJson();
    List<CodecClass.Case> cases = new ArrayList<>();
    for (UnionMember member : members) {
      CodeBlock read =
          CodeBlock.of(
              "$N = $T.readMember($N, $N, $N, $L)",
              VALUE,
              JSON_WIRE,
              IN,
              DEPTH,
              VALUE,
              codec.codecOf(member.type()));
      cases.add(
          new CodecClass.Case(CodecClass.jsonLabels(member.jsonName(), member.fieldName()), read));
    }
    return requireMember(declareValue(method).addCode(CodecClass.fieldLoop(cases))).build();
  }

  /** {@code Shape value = null}: the member read so far; a role without members needs none. */
  private MethodSpec.Builder declareValue(MethodSpec.Builder method) {
    return members.isEmpty()
        ? method
        : method.addStatement("$T $N = null", codec.valueType(), VALUE);
  }

  /** Ends a decoding method: a union holds exactly one member. */
  private MethodSpec.Builder requireMember(MethodSpec.Builder method) {
    if (members.isEmpty()) {
      return method.addStatement("throw $T.noMember($S)", CODEC_EXCEPTION, unionName);
    }
    return method
        .beginControlFlow("if ($N == null)", VALUE)
        .addStatement("throw $T.noMember($S)", CODEC_EXCEPTION, unionName)
        .endControlFlow()
        .addStatement("return $N", VALUE);
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
