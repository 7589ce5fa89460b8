package io.nolambda.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The canonical file format: one JSON object per line, {@code "kind"} naming the event type and
 * the Avro field names as keys, nullable fields as plain values (not Avro's JSON union wrapping),
 * enums as their symbol. Driven by the Avro schemas, so a field added to a schema is handled here
 * without code changes. Unknown keys are ignored and missing fields with a default take it, the
 * same rules as Avro schema resolution.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Each kind's schema and field readers, worked out once: decoding a line walks no schema. */
  private static final Map<String, Kind> KINDS =
      CityEvent.getClassSchema().getField("payload").schema().getTypes().stream()
          .collect(Collectors.toUnmodifiableMap(Schema::getName, Kind::of));

  private EventJson() {}

  public static String encode(CityEvent event) {
    SpecificRecord payload = (SpecificRecord) event.getPayload();
    Schema schema = payload.getSchema();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", schema.getName());
    for (Schema.Field field : schema.getFields()) {
      node.set(field.name(), toJson(payload.get(field.pos())));
    }
    return node.toString();
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException naming the field and the problem when the line is not a
   *     valid event
   */
  public static CityEvent decode(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String name = node.path("kind").asText(null);
    Kind kind = name == null ? null : KINDS.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("unknown kind '" + name + "', expected one of " + KINDS.keySet());
    }
    SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, kind.schema());
    for (FieldReader reader : kind.fields()) {
      Schema.Field field = reader.field();
      JsonNode value = node.get(field.name());
      if (value == null && field.hasDefaultValue()) {
        record.put(field.pos(), SpecificData.get().getDefaultValue(field));
      } else {
        record.put(field.pos(), reader.read(value));
      }
    }
    return CityEvents.of(record);
  }

  /** A kind's schema and a reader per field, in field order. */
  private record Kind(Schema schema, List<FieldReader> fields) {
    static Kind of(Schema schema) {
      return new Kind(schema, schema.getFields().stream().map(FieldReader::of).toList());
    }
  }

  /** One field: the type its JSON value must have (a nullable union's other branch) and whether null is allowed. */
  private record FieldReader(Schema.Field field, Schema type, boolean nullable) {
    static FieldReader of(Schema.Field field) {
      Schema schema = field.schema();
      if (schema.getType() != Schema.Type.UNION) {
        return new FieldReader(field, schema, false);
      }
      boolean nullable = schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
      Schema nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
      return new FieldReader(field, nonNull, nullable);
    }

    Object read(JsonNode value) {
      String name = field.name();
      if (value == null || value.isNull()) {
        if (nullable) {
          return null;
        }
        throw new IllegalArgumentException("field '" + name + "' is required");
      }
      switch (type.getType()) {
        case STRING:
          require(value.isTextual(), name, "a string", value);
          return value.asText();
        case LONG:
          require(value.canConvertToLong() && value.isIntegralNumber(), name, "an integer", value);
          return value.asLong();
        case INT:
          require(value.canConvertToInt() && value.isIntegralNumber(), name, "a 32-bit integer", value);
          return value.asInt();
        case DOUBLE:
          require(value.isNumber(), name, "a number", value);
          return value.asDouble();
        case BOOLEAN:
          require(value.isBoolean(), name, "true or false", value);
          return value.asBoolean();
        case ENUM:
          require(value.isTextual() && type.hasEnumSymbol(value.asText()), name, "one of " + type.getEnumSymbols(), value);
          return SpecificData.get().createEnum(value.asText(), type);
        default:
          throw new IllegalStateException("field '" + name + "' has unsupported type " + type.getType());
      }
    }
  }

  private static JsonNode toJson(Object value) {
    if (value == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (value instanceof Enum<?> symbol) {
      return JsonNodeFactory.instance.textNode(symbol.name());
    }
    return MAPPER.valueToTree(value instanceof CharSequence cs ? cs.toString() : value);
  }

  private static void require(boolean ok, String name, String expected, JsonNode actual) {
    if (!ok) {
      throw new IllegalArgumentException("field '" + name + "' must be " + expected + ", got " + actual);
    }
  }
}
