package dev.reprokit;

/** A configuration setting was given a value it cannot take; the message names the setting. */
public class InvalidConfigurationException extends ReproException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String message) {
    super(message);
  }
}
