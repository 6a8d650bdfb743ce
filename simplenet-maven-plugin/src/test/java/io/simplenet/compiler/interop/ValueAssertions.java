package io.simplenet.compiler.interop;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep equality of generated values that compares floats and doubles by their raw bits (so {@code
 * -0.0} differs from {@code 0.0} and NaN payloads count), reporting the path of the first
 * difference.
 */
final class ValueAssertions {
  private ValueAssertions() {}

  /** How NaNs compare: JSON has a single {@code "NaN"}, so a payload cannot survive it. */
  enum NaNs {
    RAW_BITS,
    ANY_NAN
  }

  static void assertSameValue(Object expected, Object actual, NaNs nans, String context) {
    String difference = difference(expected, actual, nans, "value");
    if (difference != null) {
      throw new AssertionError(
          context + ": " + difference + "\n  expected: " + expected + "\n  actual:   " + actual);
    }
  }

  /** The path and values of the first difference, or null when the values are the same. */
  private static String difference(Object expected, Object actual, NaNs nans, String path) {
    if (expected == null || actual == null) {
      return expected == actual ? null : at(path, expected, actual);
    }
    if ((expected instanceof Float || expected instanceof Double)
        && expected.getClass() == actual.getClass()) {
      long e = rawBits(expected);
      long a = rawBits(actual);
      boolean bothNaN =
          Double.isNaN(((Number) expected).doubleValue())
              && Double.isNaN(((Number) actual).doubleValue());
      boolean same = e == a || (nans == NaNs.ANY_NAN && bothNaN);
      return same ? null : at(path, "0x" + Long.toHexString(e), "0x" + Long.toHexString(a));
    }
    if (expected.getClass().isRecord() && expected.getClass() == actual.getClass()) {
      for (RecordComponent component : expected.getClass().getRecordComponents()) {
        String found =
            difference(
                get(component, expected),
                get(component, actual),
                nans,
                path + "." + component.getName());
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return at(path + ".size()", e.size(), a.size());
      }
      for (int i = 0; i < e.size(); i++) {
        String found = difference(e.get(i), a.get(i), nans, path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!e.keySet().equals(a.keySet())) {
        return at(path + ".keySet()", e.keySet(), a.keySet());
      }
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        String found =
            difference(
                entry.getValue(), a.get(entry.getKey()), nans, path + "[" + entry.getKey() + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return Objects.equals(expected, actual) ? null : at(path, expected, actual);
  }

  private static long rawBits(Object floatOrDouble) {
    return floatOrDouble instanceof Float f
        ? Float.floatToRawIntBits(f)
        : Double.doubleToRawLongBits((Double) floatOrDouble);
  }

  private static String at(String path, Object expected, Object actual) {
    return path + " is " + actual + ", expected " + expected;
  }

  private static Object get(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
