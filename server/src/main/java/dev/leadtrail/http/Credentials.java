package dev.leadtrail.http;

/** The key pair a request carries; either part may be missing (null). */
public record Credentials(String accessKey, String secretKey) {

  public boolean isComplete() {
    return accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isEmpty();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "Credentials[accessKey=" + accessKey + ", secretKey=****]";
  }
}
