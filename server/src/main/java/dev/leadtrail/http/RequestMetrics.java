package dev.leadtrail.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Requests by operation, method and status, with latency histograms. Thread-safe. */
final class RequestMetrics {

  private static final String OPERATION = "leadtrail.operation";

  private final MeterRegistry registry;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Names the request's operation, once the route table has found it. */
  static void operation(Context ctx, ApiRoute route) {
    ctx.attribute(OPERATION, route.path());
  }

  void record(Context ctx, float millis) {
    String operation = ctx.attribute(OPERATION);
    Timer.builder("leadtrail.requests")
        .description("API requests, by operation, method and status")
        .tag("operation", operation == null ? "none" : operation)
        .tag("method", ctx.method().name())
        .tag("status", String.valueOf(ctx.statusCode()))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
  }
}
