/**
 * Events in Kafka.
 *
 * <h2>Topics</h2>
 * One topic per event kind ({@link io.nolambda.io.kafka.EventTopics}), keyed by the entity that must
 * keep its order, record timestamp (CreateTime) = event time; a dead-letter topic; and the
 * registry topic {@code <prefix>_schemas} (single partition, compacted). {@link
 * io.nolambda.io.kafka.TopicAdmin} creates them; event topics keep records forever
 * ({@code retention.ms=-1}): with a time retention the broker deletes replayed historical records
 * within minutes, because their CreateTime is old.
 *
 * <h2>Wire format and schemas</h2>
 * Message values are Avro single-object encoded (C3 01, the writer schema's 64-bit parsing
 * fingerprint, the body). Writers register their schema under the subject {@code <topic>-value} of
 * the {@link io.nolambda.io.kafka.registry.KafkaSchemaRegistry} before the first message
 * ({@link io.nolambda.io.kafka.CityEventProducer}, {@link io.nolambda.io.kafka.ProduceEvents});
 * registration checks compatibility with every earlier version (BACKWARD unless the subject is set
 * otherwise) and refuses an incompatible schema naming the field. Readers
 * ({@link io.nolambda.io.kafka.CityEventCodec}) find the writer schema by fingerprint in the
 * registry (catching up with the topic on a miss) and resolve it to their own version of the kind.
 *
 * <h2>Dead letters</h2>
 * A record that does not become a valid event is sent to the dead-letter topic
 * ({@link io.nolambda.io.kafka.WriteDeadLettersToKafka}) with its original bytes as the value, the
 * source topic and partition as the key, and headers {@code reason} (a
 * {@link io.nolambda.io.DeadLetterReason}: NOT_SINGLE_OBJECT_ENCODING, UNKNOWN_SCHEMA,
 * SCHEMA_MISMATCH, CORRUPT_BODY, INVALID_VALUE), {@code detail} (e.g. {@code BusPosition.lat = 200.0
 * is not in [-90, 90]}), {@code source.topic}, {@code source.partition}, {@code source.offset}.
 *
 * <h2>Reading</h2>
 * {@link io.nolambda.io.kafka.ReadCityEvents}: unbounded, or a bounded slice (to the current end,
 * to given offsets, or n records) planned per partition so unbalanced partitions never hang it; the
 * consumer group's committed offsets are where the next read resumes. Event time and watermark:
 * {@link io.nolambda.io.kafka.EventTimePolicy}.
 */
package io.nolambda.io.kafka;
