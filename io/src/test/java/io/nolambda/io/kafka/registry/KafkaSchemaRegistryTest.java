package io.nolambda.io.kafka.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nolambda.events.BusPosition;
import io.nolambda.io.kafka.TopicAdmin;
import io.nolambda.testing.services.ServiceEndpoints;
import io.nolambda.testing.services.WithLocalServices;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

@WithLocalServices
class KafkaSchemaRegistryTest {
  private static final Schema V1 = CompatibilityTest.V1;
  private static final Schema V2 = CompatibilityTest.V2;
  private static final Schema V3 = CompatibilityTest.V3_REQUIRED;

  private static String topic() {
    return "registry-" + UUID.randomUUID();
  }

  @Test
  void registersVersionsWithSingleObjectFingerprintsAndARestartRebuildsThemFromTheCompactedTopic(ServiceEndpoints services) {
    String topic = topic();
    String bootstrap = services.kafkaBootstrap();
    try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.connect(bootstrap, topic)) {
      SchemaVersion v1 = registry.register("bus-positions-value", V1);
      assertThat(v1.version()).isEqualTo(1);
      assertThat(v1.fingerprint()).isEqualTo(SchemaNormalization.parsingFingerprint64(V1));
      assertThat(registry.register("bus-positions-value", V1)).isEqualTo(v1); // idempotent
      assertThat(registry.register("bus-positions-value", V2).version()).isEqualTo(2);
      assertThat(registry.register("other-value", V2).version()).isEqualTo(1);
    }
    try (TopicAdmin admin = TopicAdmin.connect(bootstrap)) {
      assertThat(admin.config(topic, "cleanup.policy")).isEqualTo("compact");
      assertThat(admin.partitions(topic)).isEqualTo(1);
    }
    try (KafkaSchemaRegistry restarted = KafkaSchemaRegistry.connect(bootstrap, topic)) {
      assertThat(restarted.subjects()).containsExactly("bus-positions-value", "other-value");
      assertThat(restarted.versions("bus-positions-value")).extracting(SchemaVersion::version, SchemaVersion::schema)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, V1), org.assertj.core.groups.Tuple.tuple(2, V2));
      assertThat(restarted.findByFingerprint(SchemaNormalization.parsingFingerprint64(V2))).isEqualTo(V2);
      assertThat(restarted.latest("bus-positions-value")).get().extracting(SchemaVersion::version).isEqualTo(2);
    }
  }

  @Test
  void aClientFindsASchemaAnotherClientRegisteredAfterItStartedOnACacheMiss(ServiceEndpoints services) {
    String topic = topic();
    try (KafkaSchemaRegistry reader = KafkaSchemaRegistry.connect(services.kafkaBootstrap(), topic);
        KafkaSchemaRegistry writer = KafkaSchemaRegistry.connect(services.kafkaBootstrap(), topic)) {
      long fingerprint = KafkaSchemaRegistry.fingerprint(V1);
      assertThat(reader.findByFingerprint(fingerprint)).isNull();
      writer.register("s", V1);
      long refreshes = reader.refreshes();
      assertThat(reader.findByFingerprint(fingerprint)).isEqualTo(V1);
      assertThat(reader.refreshes()).isEqualTo(refreshes + 1);
      assertThat(reader.findByFingerprint(fingerprint)).isEqualTo(V1); // now cached: no further refresh
      assertThat(reader.refreshes()).isEqualTo(refreshes + 1);
    }
  }

  @Test
  void anIncompatibleSchemaIsRefusedNamingTheFieldAndTheLevelIsPerSubject(ServiceEndpoints services) {
    String topic = topic();
    try (KafkaSchemaRegistry registry = KafkaSchemaRegistry.connect(services.kafkaBootstrap(), topic)) {
      registry.register("bus", V1);
      registry.register("bus", V2);
      assertThat(registry.compatibility("bus")).isEqualTo(Compatibility.BACKWARD);
      assertThatThrownBy(() -> registry.register("bus", V3))
          .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
            assertThat(e.getMessage())
                .contains("not BACKWARD compatible with subject bus")
                .contains("field BusPosition.mileage")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
            assertThat(e.problems()).hasSize(2); // against v1 and v2
          });
      assertThat(registry.versions("bus")).hasSize(2);

      registry.setCompatibility("other", Compatibility.FORWARD);
      registry.register("other", V1);
      assertThatThrownBy(() -> registry.register("other", TestSchemas.withoutField(V1, "lat")))
          .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("field BusPosition.lat");

      registry.setCompatibility("bus", Compatibility.NONE);
      assertThat(registry.register("bus", V3).version()).isEqualTo(3);
    }
    try (KafkaSchemaRegistry restarted = KafkaSchemaRegistry.connect(services.kafkaBootstrap(), topic)) {
      assertThat(restarted.compatibility("bus")).isEqualTo(Compatibility.NONE);
      assertThat(restarted.compatibility("other")).isEqualTo(Compatibility.FORWARD);
      assertThat(restarted.compatibility("never-configured")).isEqualTo(Compatibility.BACKWARD);
      assertThat(restarted.versions("bus")).hasSize(3);
    }
  }

  @Test
  void eventTopicsKeepRecordsForeverWithTheirPartitionCount(ServiceEndpoints services) {
    String prefix = "admin-" + UUID.randomUUID() + "-";
    try (TopicAdmin admin = TopicAdmin.connect(services.kafkaBootstrap())) {
      assertThat(admin.createEventTopics(prefix, 3, TopicAdmin.RETAIN_FOREVER)).hasSize(5);
      assertThat(admin.createEventTopics(prefix, 3, TopicAdmin.RETAIN_FOREVER)).isEmpty(); // exist: no-op
      assertThat(admin.partitions(prefix + "bus-positions")).isEqualTo(3);
      assertThat(admin.config(prefix + "bus-positions", "retention.ms")).isEqualTo("-1");
      assertThat(admin.config(prefix + "dead-letters", "retention.ms")).isEqualTo("-1");
    }
  }

  static Schema busV1() {
    return BusPosition.getClassSchema();
  }
}
