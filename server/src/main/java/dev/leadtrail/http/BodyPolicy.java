package dev.leadtrail.http;

/** What an operation expects of the request body. */
public enum BodyPolicy {
  /** A GET: any body is ignored. */
  NONE,
  /** A read call sent as POST: an empty body means {@code {}} (contract section 1). */
  OPTIONAL,
  /** A write call: an empty body is a malformed request. */
  REQUIRED,
  /** An upload: a {@code multipart/form-data} body, which may also carry the keys. */
  MULTIPART
}
