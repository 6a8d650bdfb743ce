package io.simplenet.compiler.internal.parse;

import java.util.List;

/**
 * A schema file after parsing, with its imports resolved to paths.
 *
 * @param imports the paths (relative to the source root) of the imported files that were loaded
 * @param importsIncomplete whether an import could not be loaded (already reported), so unknown
 *     types in this file are probably declared there and are not reported again
 */
record ParsedFile(String path, Ast.File ast, List<String> imports, boolean importsIncomplete) {
  ParsedFile {
    imports = List.copyOf(imports);
  }
}
