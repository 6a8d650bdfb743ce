package io.simplenet.compiler.internal.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every schema of one compilation, the imported ones included, with lookup by type. */
public final class SchemaSet {
  private final List<Schema> schemas;
  private final Map<String, Schema> byPath = new HashMap<>();
  private final Map<TypeName, Object> types = new HashMap<>();

  public SchemaSet(List<Schema> schemas) {
    this.schemas = List.copyOf(schemas);
    for (Schema schema : this.schemas) {
      byPath.put(schema.path(), schema);
      schema.messages().forEach(m -> types.put(m.name(), m));
      schema.enums().forEach(e -> types.put(e.name(), e));
      schema.allUnions().forEach(u -> types.put(u.name(), u));
    }
  }

  /** All schemas, in the order they were loaded (imports before importers). */
  public List<Schema> schemas() {
    return schemas;
  }

  /** The schema at {@code path} (relative to the source root). */
  public Schema schema(String path) {
    return Objects.requireNonNull(byPath.get(path), () -> "no schema " + path);
  }

  public MessageType message(TypeName name) {
    return (MessageType) lookup(name, TypeKind.MESSAGE);
  }

  public EnumType enumType(TypeName name) {
    return (EnumType) lookup(name, TypeKind.ENUM);
  }

  public UnionType union(TypeName name) {
    return (UnionType) lookup(name, TypeKind.UNION);
  }

  private Object lookup(TypeName name, TypeKind kind) {
    if (name.kind() != kind) {
      throw new IllegalArgumentException(name + " is a " + name.kind() + ", not a " + kind);
    }
    return Objects.requireNonNull(types.get(name), () -> "unknown type " + name);
  }
}
