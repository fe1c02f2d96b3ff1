package dev.leadtrail.webhook;

/** A webhook's {@code StatusCode}, as LeadSquared numbers it. */
enum WebhookStatus {
  ENABLED(0),
  DISABLED(1),
  DISABLED_AFTER_FAILURES(2);

  private final int code;

  WebhookStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static WebhookStatus ofCode(int code) {
    for (WebhookStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException("no webhook status " + code);
  }
}
