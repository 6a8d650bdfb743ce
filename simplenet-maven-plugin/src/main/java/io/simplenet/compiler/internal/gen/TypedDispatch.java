package io.simplenet.compiler.internal.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.simplenet.compiler.internal.model.TypeName;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.lang.model.SourceVersion;

/**
 * Writes the {@code instanceof} chain that turns a role value into the branch of its member type,
 * for Java 17, which has no pattern {@code switch}: each branch binds the value to a variable named
 * after the type, and a value of no member type is rejected.
 */
final class TypedDispatch {
  /** Names generated methods already use for their parameters, which a pattern must not reuse. */
  private static final Set<String> TAKEN =
      Set.of("clientId", "token", "request", "message", "event", "runtime", "server", "handler");

  private TypedDispatch() {}

  /**
   * {@code if (value instanceof T t) { <branch(item, "t")> }} per item, {@code T} being the item's
   * {@code typeOf}, then {@code throw new IllegalArgumentException(...)}. Each branch must end in
   * {@code return} or {@code throw}.
   */
  static <I> CodeBlock chain(
      String value,
      Iterable<I> items,
      Function<I, TypeName> typeOf,
      BiFunction<I, String, CodeBlock> branch,
      String rejection) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (I item : items) {
      TypeName name = typeOf.apply(item);
      String variable = variable(name);
      ClassName className = TypeMapper.className(name);
      code.beginControlFlow("if ($N instanceof $T $N)", value, className, variable)
          .add(branch.apply(item, variable))
          .endControlFlow();
    }
    return code.addStatement(
            "throw new $T($S + $N)", IllegalArgumentException.class, rejection + ": ", value)
        .build();
  }

  /** {@code GetHistory} becomes {@code getHistory}, unless that is a keyword or taken. */
  private static String variable(TypeName type) {
    String simple = type.simpleName();
    String name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    return SourceVersion.isKeyword(name) || TAKEN.contains(name) ? name + "Value" : name;
  }
}
