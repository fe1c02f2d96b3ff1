package dev.leadtrail.webhook;

import dev.leadtrail.testing.TestDatabase;

class PostgresWebhookApiTest extends WebhookApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
