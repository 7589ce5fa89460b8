package io.nolambda.io;

/** A record that cannot become an event, with the reason it will carry as a dead letter. */
public final class UndecodableEventException extends RuntimeException {
  private final DeadLetterReason reason;

  public UndecodableEventException(DeadLetterReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
