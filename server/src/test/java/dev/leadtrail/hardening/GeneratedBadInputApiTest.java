package dev.leadtrail.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated bad requests across every call: each is a valid request with one change that must make
 * it fail (a poisoned value, a broken body, the wrong method, content type or keys...). Every
 * answer must carry a documented status in the MX envelope, name no internal class, table or
 * secret, never be an internal error, and the store must read back exactly as before.
 *
 * <p>One run sends {@link #CASES_PER_SEED} requests from a fixed seed and as many from a seed drawn
 * for the run; a failure names its seed, which {@code -Dleadtrail.generated.seed=N} replays.
 */
abstract class GeneratedBadInputApiTest extends ApiTestCase {

  private static final long FIXED_SEED = 20_261_202L;
  private static final int CASES_PER_SEED = 300;
  private static final Set<Integer> DOCUMENTED = Set.of(400, 401, 404, 413, 429, 500);
  private static final List<String> TABLES =
      List.of(
          "organisations",
          "users",
          "api_keys",
          "leads",
          "activity_types",
          "activity_fields",
          "activities",
          "activity_updates",
          "webhooks",
          "webhook_events");
  private static final List<String> INTERNAL_NAMES =
      List.of(
          "com.fasterxml",
          "jackson",
          "java.",
          "javax.",
          "org.eclipse",
          "org.jdbi",
          "org.sqlite",
          "org.postgresql",
          "StreamReadConstraints",
          "SQLState",
          "SELECT ",
          "INSERT ",
          "sqlite",
          "postgres",
          "Exception:",
          "\tat ",
          "/tmp/",
          "/work/");

  /** JSON texts refused wherever they stand in a body. */
  private static final List<String> POISON =
      List.of(
          "1e400",
          "-1e400",
          "1e999999999",
          "1e-400",
          "1234567890123456789012345678901234567890123",
          "0." + "0".repeat(50) + "1",
          "\"a\\u0000b\"",
          "\"\\ud800\"",
          "\"x\\udfffy\"",
          "\"\\udbff\\udbff\"");

  /** Texts refused in a slot that holds a number. */
  private static final List<String> BAD_NUMBERS =
      List.of("7".repeat(100_000), "1e400", "NaN", "Infinity", "-", "0x1F", "1,5", "١٢");

  /** Texts refused in a slot that holds a date or date-time. */
  private static final List<String> BAD_DATES =
      List.of(
          "+999999999-12-31 23:59:59",
          "-999999999-01-01 00:00:00",
          "0000-01-01 00:00:00",
          "2026-02-30 00:00:00",
          "9".repeat(100_000));

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * One call as a valid request. {@code numberSlots} and {@code dateSlots} are JSON pointers to
   * values the call checks as numbers or dates. A bulk update has none: a bad value inside an item
   * fails only that item, with a 200 for the call.
   */
  private record Call(
      String method, String path, String body, List<String> numberSlots, List<String> dateSlots) {

    static Call get(String path) {
      return new Call("GET", path, null, List.of(), List.of());
    }

    static Call post(String path, String body, List<String> numbers, List<String> dates) {
      return new Call("POST", path, body, numbers, dates);
    }

    boolean hasBody() {
      return body != null;
    }

    boolean bodyRequired() {
      return hasBody() && !body.isBlank();
    }
  }

  /** A request as sent: its description is what a failure shows. */
  private record Sent(
      String description, String method, String pathAndQuery, String contentType, byte[] body) {}

  private Tenant tenant;
  private List<Call> calls;
  private String snapshot;

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  @BeforeAll
  void makeAnOrganisationWithSomethingOfEachKind() throws Exception {
    tenant = server.newTenant("Generated");
    String typeId = null;
    var created =
        server.postJson(
            "/v2/ProspectActivity.svc/CreateType?" + tenant.keyQuery(),
            """
            {"ActivityEventName":"Generated","Fields":[
              {"SchemaName":"mx_Custom_1","DataType":"String"},
              {"SchemaName":"mx_Custom_2","DataType":"Number"},
              {"SchemaName":"mx_Custom_3","DataType":"Dropdown","OptionSet":"[{\\"Value\\":\\"Hot\\"}]"},
              {"SchemaName":"mx_Custom_4","DataType":"Date"}]}\
            """);
    assertThat(created.statusCode()).isEqualTo(200);
    for (JsonNode type :
        json(server.get("/v2/ProspectActivity.svc/ActivityTypes.Get?" + tenant.keyQuery()))) {
      typeId = type.get("ID").asText();
    }
    String lead = server.newLead(tenant, "Gen");
    String activity = server.newActivity(tenant, lead);
    calls = calls(lead, activity, typeId, tenant.userId().value());
    snapshot = database.snapshot(TABLES);
  }

  private static List<Call> calls(String lead, String activity, String typeId, String user) {
    String leads = "/v2/LeadManagement.svc/";
    String acts = "/v2/ProspectActivity.svc/";
    return List.of(
        Call.get("/v2/Authentication.svc/UserByAccessKey.Get"),
        Call.post(
            leads + "Lead.Create",
            "[{\"Attribute\":\"FirstName\",\"Value\":\"New\"},"
                + "{\"Attribute\":\"EmailAddress\",\"Value\":\"new@example.com\"}]",
            List.of(),
            List.of()),
        Call.post(
            leads + "Lead.CreateOrUpdate",
            "[{\"Attribute\":\"EmailAddress\",\"Value\":\"other@example.com\"},"
                + "{\"Attribute\":\"SearchBy\",\"Value\":\"EmailAddress\"}]",
            List.of(),
            List.of()),
        Call.post(
            leads + "Lead.Update?leadId=" + lead,
            "[{\"Attribute\":\"LastName\",\"Value\":\"Changed\"}]",
            List.of(),
            List.of()),
        Call.get(leads + "Leads.GetById?id=" + lead),
        Call.get(leads + "Leads.GetByEmailaddress?emailaddress=new@example.com"),
        Call.get("/v2/UserManagement.svc/Users.Get"),
        Call.get("/v2/UserManagement.svc/User/Retrieve/ByUserId?userId=" + user),
        Call.post(
            acts + "CreateType",
            "{\"ActivityEventName\":\"Another\",\"Score\":\"1\",\"Direction\":0,"
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"Number\"}]}",
            List.of("/Score", "/Direction"),
            List.of()),
        Call.get(acts + "ActivityTypes.Get"),
        Call.post(
            acts + "CustomActivityType/Update",
            "{\"ID\":\"" + typeId + "\",\"Score\":2,\"Description\":\"changed\"}",
            List.of("/Score"),
            List.of()),
        Call.get(acts + "CustomActivity/GetActivitySetting?code=200"),
        Call.post(
            acts + "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\"mx_Custom_3\",\"ActivityEventCode\":\"200\"}}",
            List.of("/Parameter/ActivityEventCode"),
            List.of()),
        Call.post(
            acts + "Create",
            "{\"RelatedProspectId\":\""
                + lead
                + "\",\"ActivityEvent\":200,\"ActivityNote\":\"n\","
                + "\"ActivityDateTime\":\"2026-01-01 10:00:00\","
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"5\"},"
                + "{\"SchemaName\":\"mx_Custom_4\",\"Value\":\"2026-01-01\"}]}",
            List.of("/ActivityEvent", "/Fields/0/Value"),
            List.of("/ActivityDateTime", "/Fields/1/Value")),
        Call.post(
            acts + "Retrieve?leadId=" + lead,
            "{\"Parameter\":{\"ActivityEvent\":200},\"Paging\":{\"Offset\":\"0\",\"RowCount\":\"10\"}}",
            List.of("/Paging/Offset", "/Paging/RowCount", "/Parameter/ActivityEvent"),
            List.of()),
        Call.get(acts + "GetActivityDetails?activityId=" + activity),
        Call.post(
            acts + "CustomActivity/RetrieveByActivityEvent",
            "{\"Parameter\":{\"ActivityEvent\":200,\"FromDate\":\"2020-01-01 00:00:00\","
                + "\"ToDate\":\"2100-01-01 00:00:00\"},\"Paging\":{\"PageIndex\":1,\"PageSize\":10},"
                + "\"Sorting\":{\"ColumnName\":\"ModifiedOn\",\"Direction\":1}}",
            List.of(
                "/Paging/PageIndex",
                "/Paging/PageSize",
                "/Sorting/Direction",
                "/Parameter/ActivityEvent"),
            List.of("/Parameter/FromDate", "/Parameter/ToDate")),
        Call.post(
            acts + "CustomActivity/Update",
            "{\"ProspectActivityId\":\""
                + activity
                + "\",\"ActivityEvent\":200,\"ActivityNote\":\"u\",\"ProcessFilesAsync\":true,"
                + "\"ValidateDropDownOptions\":false,"
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"7\"},"
                + "{\"SchemaName\":\"mx_Custom_4\",\"Value\":\"2026-01-02\"}]}",
            List.of("/ActivityEvent", "/Fields/0/Value"),
            List.of("/Fields/1/Value")),
        Call.post(
            acts + "Bulk/CustomActivity/Update",
            "[{\"ProspectActivityId\":\"" + activity + "\",\"ActivityNote\":\"b\"}]",
            List.of(),
            List.of()),
        Call.post(
            acts + "RetrieveActivityChange",
            "{\"Parameter\":{\"FromDate\":\"2020-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\","
                + "\"ActivityID\":\""
                + activity
                + "\"},\"Paging\":{\"PageIndex\":1,\"PageSize\":10}}",
            List.of("/Paging/PageIndex", "/Paging/PageSize"),
            List.of("/Parameter/FromDate", "/Parameter/ToDate")),
        Call.get(leads + "Leads.GetByQuickSearch?key=gen"),
        Call.get(leads + "LeadsMetaData.Get"),
        Call.get("/v2/UserManagement.svc/User/Retrieve/ByEmailAddress?emailAddress=a@b.example"),
        Call.post(
            leads + "Lead.Capture",
            "[{\"Attribute\":\"EmailAddress\",\"Value\":\"captured@example.com\"},"
                + "{\"Attribute\":\"FirstName\",\"Value\":\"Cap\"}]",
            List.of(),
            List.of()),
        Call.post(
            acts + "CreateCustom",
            "{\"LeadDetails\":[{\"Attribute\":\"EmailAddress\",\"Value\":\"custom@example.com\"}],"
                + "\"Activity\":{\"ActivityEvent\":200,\"ActivityDateTime\":\"2026-01-01 10:00:00\","
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"5\"}]}}",
            List.of("/Activity/ActivityEvent", "/Activity/Fields/0/Value"),
            List.of("/Activity/ActivityDateTime")),
        Call.post(
            acts + "RetrieveRecentlyModified",
            "{\"Parameter\":{\"FromDate\":\"2020-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\","
                + "\"IncludeCustomFields\":1},\"Paging\":{\"PageIndex\":1,\"PageSize\":10}}",
            List.of("/Paging/PageIndex", "/Paging/PageSize"),
            List.of("/Parameter/FromDate", "/Parameter/ToDate")),
        Call.post(
            "/v2/Webhook.svc/Create",
            "{\"Description\":\"gen\",\"URL\":\"https://93.184.215.14/hook\",\"Method\":\"POST\","
                + "\"ContentType\":\"application/json\",\"WebhookEvent\":\"15\","
                + "\"NotifyOnFailure\":true,\"WebhookProperties\":\"{\\\"ActivityEvent\\\":\\\"200\\\"}\","
                + "\"CustomHeaders\":[{\"Key\":\"x-k\",\"Value\":\"v\"}]}",
            List.of("/WebhookEvent"),
            List.of()),
        Call.post(
            "/v2/Webhook.svc/Retrieve",
            "{\"Parameter\":{\"StatusCode\":0,\"WebhookEvent\":\"15\"},"
                + "\"Paging\":{\"PageIndex\":1,\"PageSize\":10}}",
            List.of("/Parameter/StatusCode", "/Paging/PageIndex", "/Paging/PageSize"),
            List.of()),
        Call.post(
            acts + "Bulk/CustomActivity/Add/ByLeadId",
            "[{\"RelatedProspectId\":\"" + lead + "\",\"ActivityEvent\":200}]",
            List.of(),
            List.of()));
  }

  @Test
  void generatedBadRequests_fromTheFixedSeed_areRefusedCleanlyAndChangeNothing() throws Exception {
    runSeed(Long.getLong("leadtrail.generated.seed", FIXED_SEED));
  }

  @Test
  void generatedBadRequests_fromThisRunsSeed_areRefusedCleanlyAndChangeNothing() throws Exception {
    runSeed(new Random().nextLong());
  }

  private void runSeed(long seed) throws Exception {
    var random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      Call call = calls.get(i % calls.size());
      Sent sent = mutate(call, random);
      var response = send(sent);
      String where = "seed " + seed + ", case " + i + ": " + sent.description();
      assertRefusedCleanly(response, where);
      if (!database.snapshot(TABLES).equals(snapshot)) {
        fail("the store changed after " + where);
      }
    }
  }

  private void assertRefusedCleanly(HttpResponse<String> response, String where) {
    String body = response.body();
    assertThat(response.statusCode()).as(where + "\n" + abbreviated(body)).isIn(DOCUMENTED);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(where)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode envelope = json(response);
    assertThat(envelope.path("Status").asText()).as(where).isEqualTo("Error");
    assertThat(envelope.path("ExceptionType").asText())
        .as(where + "\n" + abbreviated(body))
        .startsWith("MX")
        .isNotEqualTo("MXInternalServerErrorException");
    assertThat(envelope.path("ExceptionMessage").asText()).as(where).isNotBlank();
    for (String name : INTERNAL_NAMES) {
      assertThat(body).as(where).doesNotContainIgnoringCase(name);
    }
    assertThat(body).as(where).doesNotContain(tenant.keys().secretKey());
  }

  private Sent mutate(Call call, Random random) throws Exception {
    List<Mutation> possible = new ArrayList<>(List.of(Mutation.values()));
    while (true) {
      Mutation mutation = possible.get(random.nextInt(possible.size()));
      Sent sent = mutation.apply(this, call, random);
      if (sent != null) {
        return sent;
      }
      possible.remove(mutation);
    }
  }

  /** The changes that must make a valid request fail; null where one does not apply. */
  private enum Mutation {
    POISON_A_VALUE {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) throws Exception {
        if (!call.bodyRequired()) {
          return null;
        }
        String poison = POISON.get(random.nextInt(POISON.size()));
        String body = replaceRandomScalar(call.body(), "\"__POISON__\"", random);
        return test.sent("poisoned value " + poison, call, body.replace("\"__POISON__\"", poison));
      }
    },
    POISON_A_NAME {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired() || !call.body().contains("\":")) {
          return null;
        }
        return test.sent(
            "NUL in a property name", call, call.body().replaceFirst("\":", "\\\\u0000\":"));
      }
    },
    BAD_NUMBER {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) throws Exception {
        return test.inSlot(call, call.numberSlots(), BAD_NUMBERS, random, "bad number");
      }
    },
    BAD_DATE {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) throws Exception {
        return test.inSlot(call, call.dateSlots(), BAD_DATES, random, "bad date");
      }
    },
    TRUNCATED {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired()) {
          return null;
        }
        for (int tries = 0; tries < 10; tries++) {
          String cut = call.body().substring(0, 1 + random.nextInt(call.body().length() - 1));
          if (!parses(cut)) {
            return test.sent("truncated body", call, cut);
          }
        }
        return null;
      }
    },
    INVALID_UTF8 {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired() || call.body().indexOf('"') < 0) {
          return null;
        }
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        int quote = call.body().indexOf('"') + 1;
        var bytes = new ByteArrayOutputStream();
        bytes.write(body, 0, quote);
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.write(body, quote, body.length - quote);
        return new Sent(
            "invalid UTF-8",
            call.method(),
            test.withKeys(call.path()),
            "application/json",
            bytes.toByteArray());
      }
    },
    WRONG_ROOT {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired()) {
          return null;
        }
        List<String> roots =
            call.body().startsWith("[")
                ? List.of("{}", "\"x\"", "5", "null", "true")
                : List.of("[]", "[{}]", "\"x\"", "5", "null", "false");
        String root = roots.get(random.nextInt(roots.size()));
        return test.sent("a body of " + root, call, root);
      }
    },
    DUPLICATE_KEY {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired()) {
          return null;
        }
        int open = call.body().indexOf('{');
        int colon = call.body().indexOf("\":", open);
        int comma = call.body().indexOf(',', colon);
        if (open < 0 || colon < 0 || comma < 0) {
          return null;
        }
        String first = call.body().substring(open + 1, comma);
        if (first.contains("{") || first.contains("[")) {
          return null;
        }
        return test.sent(
            "duplicated key",
            call,
            call.body().substring(0, open + 1) + first + "," + call.body().substring(open + 1));
      }
    },
    TOO_DEEP {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) throws Exception {
        if (!call.bodyRequired()) {
          return null;
        }
        String body = replaceRandomScalar(call.body(), "\"__DEEP__\"", random);
        return test.sent(
            "nested 40 deep",
            call,
            body.replace("\"__DEEP__\"", "[".repeat(40) + "1" + "]".repeat(40)));
      }
    },
    TOO_LARGE {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired() || random.nextInt(10) != 0) {
          return null;
        }
        String pad = "\"" + "p".repeat(1_100_000) + "\"";
        String body =
            call.body().startsWith("[")
                ? "[" + pad + "," + call.body().substring(1)
                : "{\"Pad\":" + pad + "," + call.body().substring(1);
        return test.sent("a body over the limit", call, body);
      }
    },
    EMPTY_BODY {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired() || isRead(call)) {
          return null;
        }
        return test.sent("empty body", call, random.nextBoolean() ? "" : " \r\n\t ");
      }
    },
    WRONG_CONTENT_TYPE {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        if (!call.bodyRequired()) {
          return null;
        }
        List<String> types =
            List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/jsonx",
                "");
        String type = types.get(random.nextInt(types.size()));
        return new Sent(
            "content type '" + type + "'",
            call.method(),
            test.withKeys(call.path()),
            type,
            call.body().getBytes(StandardCharsets.UTF_8));
      }
    },
    WRONG_METHOD {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        List<String> methods = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
        methods.remove(call.method());
        String method = methods.get(random.nextInt(methods.size()));
        byte[] body = call.hasBody() ? call.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return new Sent(
            "method " + method, method, test.withKeys(call.path()), "application/json", body);
      }
    },
    WRONG_PATH {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        String path = call.path();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        String rest = query < 0 ? "" : path.substring(query);
        List<String> wrong =
            List.of(
                bare.substring(0, bare.length() - 1),
                bare + "/Extra",
                bare.replace(".svc/", ".svc//x/"),
                bare.replace("/v2/", "/v1/"),
                bare.replace(".svc", ""));
        String chosen = wrong.get(random.nextInt(wrong.size())) + rest;
        return new Sent(
            "path " + chosen,
            call.method(),
            test.withKeys(chosen),
            "application/json",
            call.hasBody() ? call.body().getBytes(StandardCharsets.UTF_8) : new byte[0]);
      }
    },
    BAD_KEYS {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        String good = test.tenant.keyQuery();
        List<String> keys =
            List.of(
                "",
                "accessKey=" + test.tenant.keys().accessKey(),
                "accessKey=" + test.tenant.keys().accessKey() + "&secretKey=" + "0".repeat(40),
                "accessKey=lt_" + "0".repeat(32) + "&secretKey=" + test.tenant.keys().secretKey(),
                "accessKey=%00&secretKey=%00",
                "accessKey=" + "k".repeat(5_000) + "&secretKey=x",
                good.replace("secretKey", "%C5%BFecretKey"));
        String chosen = keys.get(random.nextInt(keys.size()));
        String path = call.path();
        return new Sent(
            "keys " + abbreviated(chosen),
            call.method(),
            path + (path.contains("?") ? "&" : "?") + chosen,
            "application/json",
            call.hasBody() ? call.body().getBytes(StandardCharsets.UTF_8) : new byte[0]);
      }
    },
    NUL_IN_QUERY {
      @Override
      Sent apply(GeneratedBadInputApiTest test, Call call, Random random) {
        int query = call.path().indexOf('?');
        if (query < 0) {
          return null;
        }
        int eq = call.path().indexOf('=', query);
        String path = call.path().substring(0, eq + 1) + "a%00b";
        return new Sent(
            "NUL in the query",
            call.method(),
            test.withKeys(path),
            "application/json",
            call.hasBody() ? call.body().getBytes(StandardCharsets.UTF_8) : new byte[0]);
      }
    };

    abstract Sent apply(GeneratedBadInputApiTest test, Call call, Random random) throws Exception;
  }

  private static boolean isRead(Call call) {
    return call.path().contains("Retrieve") || call.path().contains("Options/Get");
  }

  private Sent inSlot(
      Call call, List<String> slots, List<String> values, Random random, String what)
      throws Exception {
    if (slots.isEmpty()) {
      return null;
    }
    String slot = slots.get(random.nextInt(slots.size()));
    String value = values.get(random.nextInt(values.size()));
    JsonNode tree = STRICT.readTree(call.body());
    int cut = slot.lastIndexOf('/');
    JsonNode parent = tree.at(slot.substring(0, cut));
    String name = slot.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.put(name, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(name), TextNode.valueOf(value));
    } else {
      throw new IllegalStateException("no slot " + slot + " in " + call.body());
    }
    return sent(
        what + " " + abbreviated(value) + " at " + slot, call, STRICT.writeValueAsString(tree));
  }

  private Sent sent(String description, Call call, String body) {
    return new Sent(
        description,
        call.method(),
        withKeys(call.path()),
        "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private String withKeys(String path) {
    return path + (path.contains("?") ? "&" : "?") + tenant.keyQuery();
  }

  private HttpResponse<String> send(Sent sent) {
    var request = server.request(sent.pathAndQuery());
    if (!sent.contentType().isEmpty()) {
      request.header("Content-Type", sent.contentType());
    }
    var body =
        sent.body().length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(sent.body());
    return server.send(request.method(sent.method(), body).build());
  }

  /** The body with one scalar, chosen at random, replaced by {@code replacement} (JSON text). */
  private static String replaceRandomScalar(String body, String replacement, Random random)
      throws Exception {
    JsonNode tree = STRICT.readTree(body);
    List<Map.Entry<ContainerNode<?>, Object>> scalars = new ArrayList<>();
    collectScalars(tree, scalars);
    var chosen = scalars.get(random.nextInt(scalars.size()));
    String marker = replacement.substring(1, replacement.length() - 1);
    if (chosen.getKey() instanceof ObjectNode object) {
      object.put((String) chosen.getValue(), marker);
    } else {
      ((ArrayNode) chosen.getKey()).set((Integer) chosen.getValue(), TextNode.valueOf(marker));
    }
    return STRICT.writeValueAsString(tree);
  }

  private static void collectScalars(
      JsonNode node, List<Map.Entry<ContainerNode<?>, Object>> scalars) {
    if (node instanceof ObjectNode object) {
      for (var property : object.properties()) {
        if (property.getValue().isContainerNode()) {
          collectScalars(property.getValue(), scalars);
        } else {
          scalars.add(Map.entry(object, property.getKey()));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isContainerNode()) {
          collectScalars(array.get(i), scalars);
        } else {
          scalars.add(Map.entry(array, i));
        }
      }
    }
  }

  private static boolean parses(String text) {
    try {
      STRICT.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + ")";
  }
}
