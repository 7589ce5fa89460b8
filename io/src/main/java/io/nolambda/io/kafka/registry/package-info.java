/**
 * A schema registry kept in a compacted Kafka topic: subjects, versions, Avro 64-bit fingerprints
 * and per-subject compatibility levels, cached by every client and rebuilt from the topic on start.
 * See {@link io.nolambda.io.kafka.registry.KafkaSchemaRegistry}.
 */
package io.nolambda.io.kafka.registry;
