package io.simplenet.compiler.internal.parse;

import io.simplenet.compiler.internal.model.Reserved;
import io.simplenet.compiler.internal.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the numbers and names of the entries of one block (a message's fields, an enum's values, a
 * union's or role's members) against the allowed range, each other and the block's {@code reserved}
 * lines, which it checks too.
 */
final class NumberingChecker {
  private static final long PROTOBUF_RESERVED_START = 19_000;
  private static final long PROTOBUF_RESERVED_END = 19_999;

  private final Reporter reporter;
  private final String noun;
  private final long min;
  private final long max;
  private final boolean protobufField;
  private final List<Ast.Reserved> reservedLines;
  private final List<Reserved.Range> reservedRanges = new ArrayList<>();
  private final List<Integer> reservedRangeLines = new ArrayList<>();
  private final Map<Long, Entry> numbers = new HashMap<>();
  private final Map<String, Integer> names = new HashMap<>();

  private record Entry(String name, int line) {}

  private NumberingChecker(
      Reporter reporter,
      String noun,
      long min,
      long max,
      boolean protobufField,
      List<Ast.Reserved> reserved) {
    this.reporter = reporter;
    this.noun = noun;
    this.min = min;
    this.max = max;
    this.protobufField = protobufField;
    this.reservedLines = reserved;
    for (Ast.Reserved line : reserved) {
      for (Ast.Range range : line.ranges()) {
        checkReservedRange(line, range);
      }
    }
  }

  /** For field numbers, also used by union and role members ({@code noun} "member", "request"). */
  static NumberingChecker forFields(Reporter reporter, String noun, List<Ast.Reserved> reserved) {
    return new NumberingChecker(reporter, noun, 1, Reserved.MAX_FIELD_NUMBER, true, reserved);
  }

  static NumberingChecker forEnumValues(Reporter reporter, List<Ast.Reserved> reserved) {
    return new NumberingChecker(
        reporter, "enum value", Integer.MIN_VALUE, Reserved.MAX_ENUM_NUMBER, false, reserved);
  }

  private void checkReservedRange(Ast.Reserved line, Ast.Range range) {
    if (!range.start().valid() || (range.end() != null && !range.end().valid())) {
      return;
    }
    long start = range.start().value();
    long end = range.toMax() ? max : range.end() == null ? start : range.end().value();
    if (!inRange(range.start()) || (range.end() != null && !inRange(range.end()))) {
      return;
    }
    if (end < start) {
      reporter.error(
          range.start().pos(),
          "reserved range " + start + " to " + end + " is empty; write the smaller number first");
      return;
    }
    reservedRanges.add(new Reserved.Range((int) start, (int) end));
    reservedRangeLines.add(line.pos().line());
  }

  private boolean inRange(Ast.Num number) {
    if (number.value() < min || number.value() > max) {
      reporter.error(
          number.pos(),
          noun
              + " number "
              + number.value()
              + " is out of range; "
              + noun
              + " numbers are "
              + min
              + " to "
              + max);
      return false;
    }
    return true;
  }

  /** Checks the number of the entry {@code name}. */
  void number(Ast.Num number, String name) {
    if (!number.valid() || !inRange(number)) {
      return;
    }
    long value = number.value();
    if (protobufField && value >= PROTOBUF_RESERVED_START && value <= PROTOBUF_RESERVED_END) {
      reporter.error(
          number.pos(),
          noun
              + " number "
              + value
              + " is in protobuf's reserved range "
              + PROTOBUF_RESERVED_START
              + " to "
              + PROTOBUF_RESERVED_END);
      return;
    }
    for (int i = 0; i < reservedRanges.size(); i++) {
      Reserved.Range range = reservedRanges.get(i);
      if (value >= range.start() && value <= range.end()) {
        reporter.error(
            number.pos(),
            noun + " number " + value + " is reserved (line " + reservedRangeLines.get(i) + ")");
        return;
      }
    }
    Entry previous = numbers.putIfAbsent(value, new Entry(name, number.pos().line()));
    if (previous != null) {
      reporter.error(
          number.pos(),
          noun
              + " number "
              + value
              + " is already used by '"
              + previous.name()
              + "' (line "
              + previous.line()
              + ")");
    }
  }

  /** Checks that {@code name} is neither reserved nor used before; false if it is a duplicate. */
  boolean name(String name, SourcePos pos) {
    if (!notReserved(name, pos)) {
      return true;
    }
    Integer previousLine = names.putIfAbsent(name, pos.line());
    if (previousLine != null) {
      reporter.error(
          pos, noun + " name '" + name + "' is already used (line " + previousLine + ")");
      return false;
    }
    return true;
  }

  /** Checks that {@code name} is not reserved; false (after reporting) if it is. */
  boolean notReserved(String name, SourcePos pos) {
    for (Ast.Reserved line : reservedLines) {
      for (Ast.Ident reservedName : line.names()) {
        if (reservedName.text().equals(name)) {
          reporter.error(
              pos, noun + " name '" + name + "' is reserved (line " + line.pos().line() + ")");
          return false;
        }
      }
    }
    return true;
  }
}
