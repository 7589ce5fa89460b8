package io.nolambda.io.archive;

import java.io.Serializable;
import java.util.Objects;

/**
 * A predicate on one column: {@code column op value}. Comparisons never match a null cell;
 * {@link Op#IS_NULL} and {@link Op#NOT_NULL} test for null. Values must have the column's Java
 * type (Integer, Long, Double, String, Boolean).
 */
public record Filter(String column, Op op, Object value) implements Serializable {
  /** Comparison operators. */
  public enum Op { EQ, NE, LT, LE, GT, GE, IS_NULL, NOT_NULL }

  public Filter {
    Objects.requireNonNull(column);
    Objects.requireNonNull(op);
    if ((op == Op.IS_NULL || op == Op.NOT_NULL) != (value == null)) {
      throw new IllegalArgumentException(op + " " + (value == null ? "needs" : "takes no") + " value");
    }
  }

  public static Filter eq(String column, Object value) {
    return new Filter(column, Op.EQ, value);
  }

  public static Filter ne(String column, Object value) {
    return new Filter(column, Op.NE, value);
  }

  public static Filter lt(String column, Object value) {
    return new Filter(column, Op.LT, value);
  }

  public static Filter le(String column, Object value) {
    return new Filter(column, Op.LE, value);
  }

  public static Filter gt(String column, Object value) {
    return new Filter(column, Op.GT, value);
  }

  public static Filter ge(String column, Object value) {
    return new Filter(column, Op.GE, value);
  }

  public static Filter isNull(String column) {
    return new Filter(column, Op.IS_NULL, null);
  }

  public static Filter notNull(String column) {
    return new Filter(column, Op.NOT_NULL, null);
  }

  private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile(
      "\\s*([a-z][a-z0-9_]*)\\s*(?:(is\\s+not\\s+null|is\\s+null)|(!=|<=|>=|=|<|>)\\s*(.*?))\\s*",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Parses a command-line filter such as {@code route_id=R1}, {@code speed_mps>=5.5},
   * {@code stop_id is null} or {@code occupied is not null}; the value is read as the column's
   * type in {@code schema}. For the {@code archive query} CLI.
   */
  public static Filter parse(String expression, ArchiveSchema schema) {
    java.util.regex.Matcher m = EXPRESSION.matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot parse filter '" + expression
          + "': use column=value, != < <= > >=, 'column is null' or 'column is not null'");
    }
    String column = m.group(1).toLowerCase(java.util.Locale.ROOT);
    ColumnType type = schema.require(column).type();
    if (m.group(2) != null) {
      return m.group(2).toLowerCase(java.util.Locale.ROOT).contains("not") ? notNull(column) : isNull(column);
    }
    Op op = switch (m.group(3)) {
      case "=" -> Op.EQ;
      case "!=" -> Op.NE;
      case "<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      default -> Op.GE;
    };
    String text = m.group(4);
    try {
      Object value = switch (type) {
        case INT32 -> Integer.parseInt(text);
        case INT64 -> Long.parseLong(text);
        case DOUBLE -> Double.parseDouble(text);
        case BOOLEAN -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new NumberFormatException(text);
          }
          yield Boolean.parseBoolean(text);
        }
        case STRING -> text;
      };
      return new Filter(column, op, value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + type + " value for column " + column);
    }
  }

  /** Whether a cell value passes. */
  public boolean test(Object cell) {
    if (op == Op.IS_NULL) {
      return cell == null;
    }
    if (op == Op.NOT_NULL) {
      return cell != null;
    }
    if (cell == null) {
      return false;
    }
    int c = Stats.compare(cell, value);
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> throw new IllegalStateException();
    };
  }

  /**
   * Whether a chunk with these statistics may hold a passing row ({@code min}/{@code max} over the
   * non-null cells, null when all cells are null). False means the chunk can be skipped.
   */
  public boolean mayMatch(Object min, Object max, int nullCount, int rows) {
    if (op == Op.IS_NULL) {
      return nullCount > 0;
    }
    if (op == Op.NOT_NULL) {
      return nullCount < rows;
    }
    if (min == null || max == null) {
      return false;
    }
    return switch (op) {
      case EQ -> Stats.compare(min, value) <= 0 && Stats.compare(max, value) >= 0;
      case NE -> !(Stats.compare(min, value) == 0 && Stats.compare(max, value) == 0);
      case LT -> Stats.compare(min, value) < 0;
      case LE -> Stats.compare(min, value) <= 0;
      case GT -> Stats.compare(max, value) > 0;
      case GE -> Stats.compare(max, value) >= 0;
      default -> throw new IllegalStateException();
    };
  }
}
