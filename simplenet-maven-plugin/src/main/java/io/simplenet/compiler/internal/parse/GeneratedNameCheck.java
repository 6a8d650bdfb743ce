package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.GeneratedNames;
import io.simplenet.compiler.internal.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports names that clash within a Java package between declared types and the classes the
 * compiler generates: each channel's {@link GeneratedNames#CHANNEL_SUFFIXES} classes and the {@code
 * <Type>Codec} of every message, union and role.
 */
final class GeneratedNameCheck {
  /** Role suffixes: these generated classes are unions, so they get codecs too. */
  private static final List<String> ROLE_SUFFIXES =
      List.of("ClientMessage", "ServerMessage", "Request", "Response");

  /**
   * Who claims a class name.
   *
   * @param phrase how messages name the claimant: {@code "message 'Foo'"}, or {@code "the class
   *     generated for channel 'Chat'"}
   * @param kindWord for a declared type, its keyword; null for a generated class
   */
  private record Claim(String phrase, SourcePos pos, String kindWord) {}

  /** A role whose own name was free, so its codec's name is claimed too. */
  private record Role(String javaPackage, String name, SourcePos pos) {}

  private final Reporter reporter;
  private final Map<String, Map<String, Claim>> claims = new HashMap<>();

  GeneratedNameCheck(Reporter reporter) {
    this.reporter = reporter;
  }

  void check(List<ParsedFile> files, SymbolTable table) {
    Set<Symbol> uniqueTypes = new HashSet<>();
    for (ParsedFile file : files) {
      for (Symbol symbol : table.declaredIn(file)) {
        Ast.Ident name = symbol.decl().name();
        Claim claim =
            new Claim(symbol.kindWord() + " '" + name.text() + "'", name.pos(), symbol.kindWord());
        // A second declaration of a name is a duplicate type, reported already.
        if (claims(table.javaPackage(file)).putIfAbsent(name.text(), claim) == null) {
          uniqueTypes.add(symbol);
        }
      }
    }
    Map<String, Set<String>> channels = new HashMap<>();
    List<Role> roles = new ArrayList<>();
    for (ParsedFile file : files) {
      String javaPackage = table.javaPackage(file);
      for (Ast.Decl decl : file.ast().decls()) {
        String channel = decl.name().text();
        if (!(decl instanceof Ast.ChannelDecl)
            || !channels.computeIfAbsent(javaPackage, p -> new HashSet<>()).add(channel)) {
          continue;
        }
        Claim claim =
            new Claim("the class generated for channel '" + channel + "'", decl.name().pos(), null);
        for (String suffix : GeneratedNames.CHANNEL_SUFFIXES) {
          if (claim(javaPackage, channel + suffix, claim) && ROLE_SUFFIXES.contains(suffix)) {
            roles.add(new Role(javaPackage, channel + suffix, decl.name().pos()));
          }
        }
      }
    }
    for (ParsedFile file : files) {
      String javaPackage = table.javaPackage(file);
      for (Symbol symbol : table.declaredIn(file)) {
        if (uniqueTypes.contains(symbol) && !symbol.kindWord().equals("enum")) {
          claim(
              javaPackage,
              GeneratedNames.codecClass(symbol.simpleName()),
              new Claim(
                  "the codec class generated for "
                      + symbol.kindWord()
                      + " '"
                      + symbol.simpleName()
                      + "'",
                  symbol.decl().name().pos(),
                  null));
        }
      }
    }
    for (Role role : roles) {
      claim(
          role.javaPackage(),
          GeneratedNames.codecClass(role.name()),
          new Claim("the codec class generated for role '" + role.name() + "'", role.pos(), null));
    }
  }

  /** Claims {@code name} in {@code javaPackage}; false (after reporting) if it was taken. */
  private boolean claim(String javaPackage, String name, Claim claim) {
    Claim existing = claims(javaPackage).putIfAbsent(name, claim);
    if (existing == null) {
      return true;
    }
    if (existing.kindWord() != null) {
      reporter.error(
          existing.pos(),
          existing.phrase()
              + " clashes with "
              + claim.phrase()
              + " at "
              + claim.pos()
              + "; rename the "
              + existing.kindWord());
    } else {
      reporter.error(
          claim.pos(),
          "'"
              + name
              + "', "
              + claim.phrase()
              + ", clashes with "
              + existing.phrase()
              + " at "
              + existing.pos());
    }
    return false;
  }

  private Map<String, Claim> claims(String javaPackage) {
    return claims.computeIfAbsent(javaPackage, p -> new HashMap<>());
  }
}
