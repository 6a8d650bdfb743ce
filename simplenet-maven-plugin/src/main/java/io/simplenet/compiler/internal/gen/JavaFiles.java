package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.simplenet.compiler.GeneratedFile;
import io.simplenet.compiler.SchemaCompiler;
import io.simplenet.compiler.internal.model.Schema;
import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a generated top-level type into a {@code .java} file; every generator writes through here.
 */
final class JavaFiles {
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private JavaFiles() {}

  /**
   * The source file of {@code type}, a top-level type of {@code schema}'s package, annotated
   * {@code @Generated}. Names of the package's schema types are always qualified when they also
   * name a referenced class ({@code java.lang.String} next to a schema type {@code String}),
   * because a type in the same package would otherwise shadow the implicit or imported one.
   */
  static GeneratedFile write(SchemaSet schemas, Schema schema, TypeSpec.Builder type) {
    // Completes the builder rather than a TypeSpec: TypeSpec.toBuilder() drops record components.
    TypeSpec complete =
        type.addAnnotation(generatedAnnotation(schema))
            .alwaysQualify(packageTypeNames(schemas, schema.javaPackage()))
            .build();
    String source =
        JavaFile.builder(schema.javaPackage(), complete)
            .skipJavaLangImports(true)
            .build()
            .toString();
    String path = schema.javaPackage().replace('.', '/') + "/" + complete.name() + ".java";
    return GeneratedFile.text(GeneratedFile.Kind.JAVA_SOURCE, path, source, schema.path());
  }

  /**
   * {@code @Generated(value = "io.simplenet.compiler.SchemaCompiler", comments = "from <schema>")}.
   */
  private static AnnotationSpec generatedAnnotation(Schema schema) {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", SchemaCompiler.class.getName())
        .addMember("comments", "$S", "from " + schema.path())
        .build();
  }

  /** Simple names of the schema types (roles included) declared in {@code javaPackage}. */
  private static String[] packageTypeNames(SchemaSet schemas, String javaPackage) {
    List<String> names = new ArrayList<>();
    for (Schema schema : schemas.schemas()) {
      if (!schema.javaPackage().equals(javaPackage)) {
        continue;
      }
      schema.messages().forEach(m -> names.add(m.name().simpleName()));
      schema.enums().forEach(e -> names.add(e.name().simpleName()));
      schema.allUnions().forEach(u -> names.add(u.name().simpleName()));
    }
    return names.toArray(new String[0]);
  }
}
