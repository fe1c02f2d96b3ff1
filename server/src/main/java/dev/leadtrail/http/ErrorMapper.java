package dev.leadtrail.http;

import dev.leadtrail.error.ApiNotFoundException;
import dev.leadtrail.error.AuthenticationException;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.error.FileNotFoundException;
import dev.leadtrail.error.InternalFailureException;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.error.PayloadTooLargeException;
import dev.leadtrail.error.RateLimitedException;
import dev.leadtrail.error.RuleViolationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP answers in the contract's envelope. Anything that is
 * not a {@link LeadtrailException} is unexpected: it is logged once with the request id and
 * answered with a generic 500 carrying that id, never with its own message. Stateless.
 */
final class ErrorMapper {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private final Json json;
  private final long maxBodyBytes;

  ErrorMapper(Json json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(Exception failure, Context ctx) {
    switch (failure) {
      case LeadtrailException known -> answer(ctx, known);
      case HttpResponseException javalin -> answer(ctx, translate(javalin, ctx));
      default -> unexpected(failure, ctx);
    }
  }

  private void answer(Context ctx, LeadtrailException failure) {
    int status =
        switch (failure) {
          case MalformedRequestException e -> 400;
          case PayloadTooLargeException e -> 413;
          case AuthenticationException e -> 401;
          case ApiNotFoundException e -> 404;
          case FileNotFoundException e -> 404;
          case RateLimitedException e -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            yield 429;
          }
          case RuleViolationException e -> 500;
          case InternalFailureException e -> 500;
        };
    write(ctx, status, ErrorBody.of(failure.type(), failure.getMessage()));
  }

  /** Javalin's own refusals (no such path, body too large) in the contract's words. */
  private LeadtrailException translate(HttpResponseException failure, Context ctx) {
    return switch (failure.getStatus()) {
      case 404, 405 -> new ApiNotFoundException(ctx.method().name(), ctx.path());
      case 413 -> new PayloadTooLargeException(maxBodyBytes);
      default -> new MalformedRequestException("The request cannot be served as sent.");
    };
  }

  private void unexpected(Exception failure, Context ctx) {
    String requestId = RequestAttributes.requestId(ctx);
    log.error("Request {} failed unexpectedly: {}", requestId, FailureSummary.describe(failure));
    write(
        ctx,
        500,
        ErrorBody.of(
            ErrorType.INTERNAL,
            "The request could not be completed because of an internal error. Request id: "
                + requestId));
  }

  private void write(Context ctx, int status, ErrorBody body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(json.write(body));
  }
}
