package io.nolambda.io.kafka.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.nolambda.events.BusPosition;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityTest {
  static final Schema V1 = BusPosition.getClassSchema();
  /** v1 plus an optional field with a default: every level accepts it. */
  static final Schema V2 = TestSchemas.withField(V1, "odometer_m", SchemaBuilder.unionOf().nullType().and().doubleType().endUnion(), true);
  /** v1 plus a required field without a default. */
  static final Schema V3_REQUIRED = TestSchemas.withField(V1, "mileage", Schema.create(Schema.Type.LONG), false);

  private static List<SchemaVersion> earlier(Schema... schemas) {
    List<SchemaVersion> versions = new java.util.ArrayList<>();
    for (Schema s : schemas) {
      versions.add(new SchemaVersion("s", versions.size() + 1, KafkaSchemaRegistry.fingerprint(s), s));
    }
    return versions;
  }

  @Test
  void anOptionalFieldWithADefaultIsFullyCompatible() {
    for (Compatibility level : Compatibility.values()) {
      assertThat(level.problems(V2, earlier(V1))).as(level.name()).isEmpty();
    }
  }

  @Test
  void aRequiredFieldWithoutDefaultBreaksBackwardAndNamesTheField() {
    List<String> problems = Compatibility.BACKWARD.problems(V3_REQUIRED, earlier(V1, V2));
    assertThat(problems).hasSize(2); // against version 1 and version 2: checked transitively
    assertThat(problems.get(0))
        .contains("field BusPosition.mileage")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("version 1");
    assertThat(Compatibility.FORWARD.problems(V3_REQUIRED, earlier(V1))).isEmpty();
    assertThat(Compatibility.FULL.problems(V3_REQUIRED, earlier(V1))).hasSize(1);
    assertThat(Compatibility.NONE.problems(V3_REQUIRED, earlier(V1))).isEmpty();
  }

  @Test
  void removingARequiredFieldBreaksForwardAndNamesTheField() {
    Schema withoutLat = TestSchemas.withoutField(V1, "lat");
    assertThat(Compatibility.BACKWARD.problems(withoutLat, earlier(V1))).isEmpty();
    assertThat(Compatibility.FORWARD.problems(withoutLat, earlier(V1)))
        .singleElement().asString().contains("field BusPosition.lat").contains("version 1 cannot read");
  }

  @Test
  void aTypeChangeNamesTheField() {
    Schema latAsString = TestSchemas.withField(TestSchemas.withoutField(V1, "lat"), "lat", Schema.create(Schema.Type.STRING), false);
    assertThat(Compatibility.BACKWARD.problems(latAsString, earlier(V1)))
        .anySatisfy(p -> assertThat(p).contains("field BusPosition.lat").contains("TYPE_MISMATCH"));
  }
}
