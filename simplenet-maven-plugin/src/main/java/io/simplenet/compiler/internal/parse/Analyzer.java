package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.SchemaSet;
import java.util.List;
import java.util.Map;

/** The semantic passes over parsed files: declare, resolve, check, and build the model. */
final class Analyzer {
  private final Reporter reporter;
  private final List<ParsedFile> files;

  /** {@code files} must be in load order: imports before importers. */
  Analyzer(Reporter reporter, List<ParsedFile> files) {
    this.reporter = reporter;
    this.files = files;
  }

  /** The model, or null if any file has an error (all of them reported). */
  SchemaSet analyze() {
    SymbolTable table = SymbolTable.collect(reporter, files);
    Map<Ast.NamedRef, Symbol> resolved = TypeResolver.resolveAll(reporter, table, files);
    List<UnionMembers> unions = new DeclarationChecker(reporter, table, resolved).check(files);
    new GraphChecker(reporter, resolved, unions).check(files, table);
    return reporter.hasErrors() ? null : new ModelBuilder(table, resolved).build(files);
  }
}
