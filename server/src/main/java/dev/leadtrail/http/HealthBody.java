package dev.leadtrail.http;

/** The bodies of the health checks: nothing but the state, nothing secret. */
public final class HealthBody {

  public static final String UP = "{\"status\":\"UP\"}";
  public static final String DOWN = "{\"status\":\"DOWN\"}";

  private HealthBody() {}
}
