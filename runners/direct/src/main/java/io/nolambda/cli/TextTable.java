package io.nolambda.cli;

import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned plain-text table, for people reading a terminal. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable add(Object... cells) {
    rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  @Override
  public String toString() {
    int[] widths = new int[header.size()];
    for (List<String> row : concat()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append("-".repeat(w)).append("  ");
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    rows.forEach(r -> line(out, r, widths));
    return out.toString();
  }

  private List<List<String>> concat() {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(String.format("%-" + widths[i] + "s  ", cells.get(i)));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
