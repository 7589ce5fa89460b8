package io.nolambda.testing.services;

/** A local service could not be started, checked or stopped. Messages never carry a password. */
public class ServicesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServicesException(String message) {
    super(message);
  }

  public ServicesException(String message, Throwable cause) {
    super(message, cause);
  }
}
