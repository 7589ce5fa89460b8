package io.nolambda.io.importers;

/** Thrown while mapping a row: the row is rejected with this message as the reason. */
public final class RowException extends Exception {
  private static final long serialVersionUID = 1L;

  public RowException(String reason) {
    super(reason, null, false, false);
  }
}
