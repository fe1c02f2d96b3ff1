package dev.leadtrail.http;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.PayloadTooLargeException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before Javalin sees them (a malformed URI, headers too large,
 * a body over the limit, an HTTP version it does not speak) in the contract's envelope, with the
 * contract's statuses: 404 for no such path, 413 for a body over the limit, 400 for any other fault
 * of the request, 500 for Jetty's own failures. The refused request is never echoed back.
 */
final class JettyErrorHandler extends ErrorHandler {

  private final Json json;
  private final long maxBodyBytes;

  JettyErrorHandler(Json json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    switch (status) {
      case 404, 405 ->
          answer(response, callback, 404, ErrorType.NOT_FOUND, "No API answers this request.");
      case 413 ->
          answer(
              response,
              callback,
              413,
              ErrorType.INVALID_INPUT,
              new PayloadTooLargeException(maxBodyBytes).getMessage());
      case 414 ->
          answer(response, callback, 400, ErrorType.INVALID_INPUT, "The request URI is too long.");
      case 431 ->
          answer(
              response,
              callback,
              400,
              ErrorType.INVALID_INPUT,
              "The request headers are too large.");
      case 505 ->
          answer(
              response,
              callback,
              400,
              ErrorType.INVALID_INPUT,
              "The request's HTTP version is not supported.");
      default -> {
        if (status >= 500) {
          answer(
              response, callback, 500, ErrorType.INTERNAL, "The request could not be completed.");
        } else {
          answer(response, callback, 400, ErrorType.INVALID_INPUT, "The request is malformed.");
        }
      }
    }
    return true;
  }

  private void answer(
      Response response, Callback callback, int status, ErrorType type, String message) {
    write(json, response, callback, status, ErrorBody.of(type, message));
  }

  /** Writes a whole answer in the envelope, outside Javalin. */
  static void write(Json json, Response response, Callback callback, int status, ErrorBody body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(json.write(body)), callback);
  }
}
