package dev.leadtrail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.Map;

/**
 * The HTTP ceiling: the product's HTTP stack (Javalin on Jetty, Jackson) doing only what every
 * update must do at the edge: parse the body and answer the success envelope. No database.
 */
public final class EchoServer {

  private EchoServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    ObjectMapper json = new ObjectMapper();
    Javalin.create(
            app -> {
              app.startup.showJavalinBanner = false;
              app.jetty.host = "127.0.0.1";
              app.jetty.port = port;
              app.routes.get("/health/ready", ctx -> ctx.result("{\"status\":\"UP\"}"));
              app.routes.post(
                  "/v2/*",
                  ctx -> {
                    JsonNode body = json.readTree(ctx.bodyAsBytes());
                    String id = body.path("ProspectActivityId").asText();
                    ctx.contentType("application/json; charset=utf-8")
                        .result(
                            json.writeValueAsBytes(
                                Map.of("Status", "Success", "Message", Map.of("Id", id))));
                  });
            })
        .start();
  }
}
