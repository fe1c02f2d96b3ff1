package dev.leadtrail.webhook;

import dev.leadtrail.testing.TestDatabase;

class SqliteWebhookApiTest extends WebhookApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
