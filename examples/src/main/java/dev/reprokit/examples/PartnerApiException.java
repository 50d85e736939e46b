package dev.reprokit.examples;

import java.io.IOException;

/** The partner API answered with something other than a page of customers. */
public class PartnerApiException extends IOException {
  private static final long serialVersionUID = 1L;

  public PartnerApiException(String message) {
    super(message);
  }
}
