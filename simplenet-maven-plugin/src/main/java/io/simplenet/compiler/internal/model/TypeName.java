package io.simplenet.compiler.internal.model;

/**
 * The identity of a declared (or channel-generated) type.
 *
 * @param javaPackage the Java package, which is also the protobuf package
 * @param simpleName the Java class name, which is also the protobuf message or enum name
 * @param kind what the type is
 * @param schemaPath the declaring {@code .channel} file, relative to the source root ({@code "common.channel"})
 */
public record TypeName(String javaPackage, String simpleName, TypeKind kind, String schemaPath) {
  /** The protobuf full name, {@code com.example.chat.User}. */
  public String protoFullName() {
    return javaPackage.isEmpty() ? simpleName : javaPackage + "." + simpleName;
  }

  /** The Java binary name of the generated class. */
  public String javaQualifiedName() {
    return protoFullName();
  }

  @Override
  public String toString() {
    return protoFullName();
  }
}
