package dev.leadtrail.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.value.StorableText;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated call as an operation sees it: who calls (a {@code C}, as the {@link CallGate}
 * proved it), the query, the parsed body, and the way to answer. Endpoints use this instead of
 * Javalin's {@link Context}. Not thread-safe: it belongs to the request's thread.
 */
public final class ApiCall<C> {

  private final Context ctx;
  private final Json json;
  private final C caller;
  private final JsonNode body;
  private final MultipartForm form;
  private final String publicUrl;

  ApiCall(Context ctx, Json json, C caller, JsonNode body, MultipartForm form, String publicUrl) {
    this.ctx = ctx;
    this.publicUrl = publicUrl;
    this.json = json;
    this.caller = caller;
    this.body = body;
    this.form = form;
  }

  public C caller() {
    return caller;
  }

  /** A query parameter, its name matched ignoring case; the first value when there are several. */
  public Optional<String> query(String name) {
    return queryParameter(ctx, name);
  }

  static Optional<String> queryParameter(Context ctx, String name) {
    for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
      if (equalsIgnoringAsciiCase(entry.getKey(), name) && !entry.getValue().isEmpty()) {
        String value = entry.getValue().getFirst();
        if (!StorableText.isStorable(value)) {
          throw new MalformedRequestException(
              "The query parameter " + name + " holds a NUL character, which no text may hold.");
        }
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * Names match ignoring the case of ASCII letters only, as LeadSquared's clients spell them: under
   * Unicode's rules {@code ſecretKey} (a long s) and {@code accessKey} with a Kelvin sign would
   * match too.
   */
  static boolean equalsIgnoringAsciiCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && (x > 127 || y > 127 || Character.toLowerCase(x) != Character.toLowerCase(y))) {
        return false;
      }
    }
    return true;
  }

  /** The body as parsed: {@code {}} for an empty body of a read call. */
  public JsonNode body() {
    return body;
  }

  public ObjectNode objectBody() {
    if (body instanceof ObjectNode object) {
      return object;
    }
    throw new MalformedRequestException(
        "The request body must be a JSON object, not " + kind(body) + ".");
  }

  public ArrayNode arrayBody() {
    if (body instanceof ArrayNode array) {
      return array;
    }
    throw new MalformedRequestException(
        "The request body must be a JSON array, not " + kind(body) + ".");
  }

  /** The form of a {@linkplain BodyPolicy#MULTIPART multipart} call. */
  public MultipartForm form() {
    if (form == null) {
      throw new IllegalStateException("not a multipart call");
    }
    return form;
  }

  /**
   * Where clients reach this server, e.g. {@code http://localhost:8080}, for the URLs an answer
   * carries: {@code server.public-url} when set, else the scheme and Host the request came with
   * (the address it came in on when it names none, as over HTTP/1.0).
   */
  public String baseUrl() {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    String host = ctx.host();
    if (host == null || host.isBlank()) {
      host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
    }
    return ctx.scheme() + "://" + host;
  }

  public void respond(Object answer) {
    ctx.contentType("application/json; charset=utf-8").result(json.write(answer));
  }

  /**
   * Answers a file to be saved, never shown: a browser neither renders it nor guesses its type, and
   * runs nothing in it even when asked to open it.
   */
  public void respondAttachment(String fileName, String contentType, long length, InputStream in) {
    ctx.header("Content-Disposition", ContentDisposition.attachment(fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, no-store")
        .header("Content-Length", String.valueOf(length))
        .contentType(contentType)
        .result(in);
  }

  static String kind(JsonNode node) {
    if (node == null) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "nothing";
    };
  }
}
