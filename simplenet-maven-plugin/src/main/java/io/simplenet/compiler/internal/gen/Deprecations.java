package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.AnnotationSpec;
import io.simplenet.compiler.internal.model.FieldType;
import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.model.TypeName;

/**
 * Deprecation in generated code: {@code @Deprecated} on what the schema deprecates, and
 * {@code @SuppressWarnings("deprecation")} where generated code must name a deprecated type or
 * constant, so that it compiles with {@code -Xlint:all -Werror}.
 */
final class Deprecations {
  static final AnnotationSpec DEPRECATED = AnnotationSpec.builder(Deprecated.class).build();
  static final AnnotationSpec SUPPRESS_DEPRECATION =
      AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "deprecation")
          .build();

  private Deprecations() {}

  /** Whether the schema deprecates the type {@code name}. */
  static boolean isDeprecated(SchemaSet schemas, TypeName name) {
    return switch (name.kind()) {
      case MESSAGE -> schemas.message(name).deprecation() != null;
      case ENUM -> schemas.enumType(name).deprecation() != null;
      case UNION -> schemas.union(name).deprecation() != null;
    };
  }

  /** Whether {@code type} is, or is a collection of, a deprecated type. */
  static boolean namesDeprecatedType(SchemaSet schemas, FieldType type) {
    if (type instanceof FieldType.Named named) {
      return isDeprecated(schemas, named.name());
    }
    if (type instanceof FieldType.ListOf list) {
      return namesDeprecatedType(schemas, list.element());
    }
    if (type instanceof FieldType.MapOf map) {
      return namesDeprecatedType(schemas, map.value());
    }
    return false;
  }
}
