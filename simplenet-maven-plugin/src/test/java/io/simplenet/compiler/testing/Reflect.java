package io.simplenet.compiler.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Reflection over classes compiled from generated code, rethrowing what the generated code throws
 * (not {@link InvocationTargetException}) so tests can assert on it.
 */
public final class Reflect {
  private final ClassLoader loader;

  /** Reflection over the classes {@code loader} loads (one from {@link InMemoryJavac}). */
  public Reflect(ClassLoader loader) {
    this.loader = loader;
  }

  /** The class {@code qualifiedName}; fails the test if it was not generated. */
  public Class<?> type(String qualifiedName) {
    try {
      return loader.loadClass(qualifiedName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + qualifiedName, e);
    }
  }

  /** Calls the record's canonical constructor. */
  public static Object construct(Class<?> record, Object... components) {
    Class<?>[] types =
        Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      return record.getDeclaredConstructor(types).newInstance(components);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(
          "cannot construct " + record.getName() + " from " + Arrays.toString(components), e);
    }
  }

  /** Calls the public method {@code name} taking {@code args.length} arguments. */
  public static Object call(Object target, String name, Object... args) {
    return invoke(target.getClass(), target, name, args);
  }

  /** Calls the public static method {@code name} taking {@code args.length} arguments. */
  public static Object callStatic(Class<?> type, String name, Object... args) {
    return invoke(type, null, name, args);
  }

  /** The value of the public static field {@code name}. */
  public static Object staticField(Class<?> type, String name) {
    try {
      return type.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Sets {@code values} (component name, value, name, value...) on a builder and builds. */
  public static Object build(Object builder, Object... values) {
    for (int i = 0; i < values.length; i += 2) {
      call(builder, (String) values[i], values[i + 1]);
    }
    return call(builder, "build");
  }

  private static Object invoke(Class<?> type, Object target, String name, Object... args) {
    Method method =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no method " + type.getName() + "." + name));
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static RuntimeException rethrow(InvocationTargetException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    throw new AssertionError(e.getCause());
  }
}
