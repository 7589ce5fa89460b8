package io.nolambda.io;

/** Why a Kafka record or an input line could not become an event. */
public enum DeadLetterReason {
  /** Too short, or no single-object marker: not written by an Avro message encoder. */
  NOT_SINGLE_OBJECT_ENCODING,
  /** The fingerprint names no schema the registry knows. */
  UNKNOWN_SCHEMA,
  /** The writer schema is known but is no event kind this reader can resolve it to. */
  SCHEMA_MISMATCH,
  /** The header is fine but the body does not decode with the writer schema. */
  CORRUPT_BODY,
  /** A file line that is not an event in the canonical JSON format. */
  UNPARSABLE_LINE,
  /** Decoded, but a value is out of range (e.g. latitude 200, negative time). */
  INVALID_VALUE
}
