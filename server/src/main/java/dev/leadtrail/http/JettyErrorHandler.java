package dev.leadtrail.http;

import dev.leadtrail.error.ErrorType;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before Javalin sees them (a malformed URI, headers too large)
 * in the contract's envelope rather than Jetty's HTML page. The refused request is never echoed
 * back.
 */
final class JettyErrorHandler extends ErrorHandler {

  private final Json json;

  JettyErrorHandler(Json json) {
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    ErrorBody body =
        switch (status) {
          case 404, 405 -> ErrorBody.of(ErrorType.NOT_FOUND, "No API answers this request.");
          case 413 -> ErrorBody.of(ErrorType.INVALID_INPUT, "The request is too large.");
          case 431 -> ErrorBody.of(ErrorType.INVALID_INPUT, "The request headers are too large.");
          default ->
              status >= 500
                  ? ErrorBody.of(ErrorType.INTERNAL, "The request could not be completed.")
                  : ErrorBody.of(ErrorType.INVALID_INPUT, "The request is malformed.");
        };
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(json.write(body)), callback);
    return true;
  }
}
