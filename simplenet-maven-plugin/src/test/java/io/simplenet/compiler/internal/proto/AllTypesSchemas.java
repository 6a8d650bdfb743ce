package io.simplenet.compiler.internal.proto;

import io.simplenet.compiler.internal.model.SchemaSet;
import io.simplenet.compiler.internal.parse.SchemaLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared fixture {@code alltypes.channel} (which imports {@code shared/common.channel}),
 * loaded.
 */
public final class AllTypesSchemas {
  public static final String ALLTYPES = "alltypes.channel";
  public static final String COMMON = "shared/common.channel";

  private AllTypesSchemas() {}

  /** The directory holding the fixture schemas, on the test classpath. */
  public static Path sourceRoot() {
    try {
      return Path.of(AllTypesSchemas.class.getResource("/schemas/" + ALLTYPES).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Loads the fixture through the real front-end; fails if it reports any diagnostic. */
  public static SchemaSet load() {
    SchemaLoader.Result result = SchemaLoader.load(sourceRoot(), sourceRoot(), List.of(ALLTYPES));
    if (result.schemas() == null || !result.diagnostics().isEmpty()) {
      throw new AssertionError("the fixture does not load cleanly: " + result.diagnostics());
    }
    return result.schemas();
  }
}
