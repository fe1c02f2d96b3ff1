package dev.leadtrail.auth;

/** A key pair as it is issued: the only moment the secret is known in clear. */
public record IssuedKey(String accessKey, String secretKey) {

  @Override
  public String toString() {
    return "IssuedKey[accessKey=" + accessKey + ", secretKey=****]";
  }
}
