package io.nolambda.io.importers;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of a CSV source, with field accessors that trim, validate and fail with a {@link
 * RowException} naming the column and the offending value. The column count has already been
 * checked against the header when a mapper sees the row.
 */
public final class CsvRow {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

  private final long lineNumber;
  private final CSVRecord record;

  CsvRow(long lineNumber, CSVRecord record) {
    this.lineNumber = lineNumber;
    this.record = record;
  }

  /** 1-based line of the file where this row starts. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The field, trimmed; empty string when blank or when the header has no such column. */
  public String text(String column) {
    return record.isMapped(column) ? record.get(column).trim() : "";
  }

  /** The field, trimmed, or {@code null} when blank. */
  public String optionalText(String column) {
    String value = text(column);
    return value.isEmpty() ? null : value;
  }

  /** The field, trimmed; fails when blank. */
  public String requiredText(String column) throws RowException {
    String value = text(column);
    if (value.isEmpty()) {
      throw new RowException(column + ": missing");
    }
    return value;
  }

  /**
   * An integer. Integral decimals such as {@code 1.0} or {@code 1.771257515E9} are accepted
   * (exports from data frames write integer columns as floats); fractions are not.
   */
  public long requiredLong(String column) throws RowException {
    String value = requiredText(column);
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new RowException(column + ": not an integer: '" + value + "'");
    }
    // Guard before longValueExact: a value like 1E999999999 would otherwise be expanded.
    if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > 19) {
      throw new RowException(column + ": out of range: '" + value + "'");
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      throw new RowException(column + ": not an integer: '" + value + "'");
    }
  }

  public int requiredInt(String column) throws RowException {
    long value = requiredLong(column);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new RowException(column + ": out of int range: " + value);
    }
    return (int) value;
  }

  /** {@link #requiredInt} or {@code null} when blank. */
  public Integer optionalInt(String column) throws RowException {
    return text(column).isEmpty() ? null : requiredInt(column);
  }

  /** A finite decimal number. */
  public double requiredDouble(String column) throws RowException {
    String value = requiredText(column);
    // Stricter than Double.parseDouble, which also takes "NaN", "Infinity", "1f" and hex floats.
    if (!DECIMAL.matcher(value).matches()) {
      throw new RowException(column + ": not a number: '" + value + "'");
    }
    double d = Double.parseDouble(value);
    if (!Double.isFinite(d)) {
      throw new RowException(column + ": out of range: '" + value + "'");
    }
    return d;
  }

  /** {@link #requiredDouble} or {@code null} when blank. */
  public Double optionalDouble(String column) throws RowException {
    return text(column).isEmpty() ? null : requiredDouble(column);
  }

  /** A latitude in [-90, 90] or longitude in [-180, 180]. */
  public double requiredCoordinate(String column, double limit) throws RowException {
    double value = requiredDouble(column);
    if (value < -limit || value > limit) {
      throw new RowException(column + ": out of range [-" + (int) limit + ", " + (int) limit + "]: " + value);
    }
    return value;
  }

  /** The row as one CSV line. */
  public String raw() {
    return CsvFiles.encode(record);
  }
}
