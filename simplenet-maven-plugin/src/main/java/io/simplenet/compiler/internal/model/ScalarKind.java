package io.simplenet.compiler.internal.model;

/** The scalar types of the schema language, each with its protobuf counterpart. */
public enum ScalarKind {
  BOOL("bool"),
  INT32("int32"),
  INT64("int64"),
  UINT32("uint32"),
  UINT64("uint64"),
  FLOAT("float"),
  DOUBLE("double"),
  STRING("string"),
  BYTES("bytes");

  private final String schemaName;

  ScalarKind(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The keyword used in {@code .channel} files, which is also the {@code .proto} type name. */
  public String schemaName() {
    return schemaName;
  }

  /** True for the types allowed as map keys: {@code string} and the integer types. */
  public boolean isMapKey() {
    return this == STRING || isInteger();
  }

  public boolean isInteger() {
    return this == INT32 || this == INT64 || this == UINT32 || this == UINT64;
  }

  /** True for types carried as 64-bit integers, which protobuf's JSON mapping writes as strings. */
  public boolean is64Bit() {
    return this == INT64 || this == UINT64;
  }

  /** The kind named {@code schemaName}, or null if it is not a scalar keyword. */
  public static ScalarKind forSchemaName(String schemaName) {
    for (ScalarKind kind : values()) {
      if (kind.schemaName.equals(schemaName)) {
        return kind;
      }
    }
    return null;
  }
}
