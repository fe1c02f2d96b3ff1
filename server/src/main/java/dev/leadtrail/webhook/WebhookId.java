package dev.leadtrail.webhook;

import dev.leadtrail.value.Guid;

/** A webhook's id: a GUID. */
record WebhookId(String value) {

  static WebhookId random() {
    return new WebhookId(Guid.random());
  }

  static WebhookId parse(String text, String parameter) {
    return new WebhookId(Guid.parse(text, parameter, "Name a webhook by its id."));
  }
}
