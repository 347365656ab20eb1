package io.zwgk.bot.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;

/**
 * The one reading of admin API JSON request bodies: exactly one JSON object and nothing after it (trailing text such
 * as {@code {"a":1} xyz} or a second value is refused), through Vert.x's mapper so settings agree with {@code rc.json}.
 */
public final class JsonBodies {
  /** The answer to a body that is not one JSON object (HTTP 400). */
  public static final String MESSAGE = "请求体应为一个 JSON 对象 (body must be one JSON object)";

  private JsonBodies() {
  }

  /**
   * The request body as an object; an empty or blank body is an empty object.
   *
   * @throws ApiException 400 when the body is not exactly one JSON object
   */
  public static JsonObject object(RoutingContext rc) {
    String raw = rc.body().asString();
    return raw == null || raw.isBlank() ? new JsonObject() : object(raw);
  }

  /** {@code text} as exactly one JSON object, else {@link ApiException} 400. */
  @SuppressWarnings("unchecked")
  public static JsonObject object(String text) {
    try {
      JsonNode node = reader().readTree(text);
      if (node == null || !node.isObject()) {
        throw new ApiException(400, MESSAGE);
      }
      return new JsonObject(DatabindCodec.mapper().convertValue(node, Map.class));
    } catch (IOException | IllegalArgumentException e) {
      throw new ApiException(400, MESSAGE);
    }
  }

  private static ObjectReader reader() {
    return DatabindCodec.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
