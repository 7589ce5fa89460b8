package io.nolambda.io.kafka.registry;

import org.apache.avro.Schema;

/**
 * One registered schema: its subject, version (1, 2, ... in order of registration) and the Avro
 * 64-bit parsing fingerprint that single-object encoded messages carry.
 */
public record SchemaVersion(String subject, int version, long fingerprint, Schema schema) {
  @Override
  public String toString() {
    return subject + " v" + version + " " + Long.toHexString(fingerprint) + " " + schema.getFullName();
  }
}
