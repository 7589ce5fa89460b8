package io.nolambda.transforms;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaBeanSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;

/**
 * A dead letter of a transform: an input event it could not use, with why. Columns: reason,
 * event_id, kind. A pipeline maps these to the io module's dead letters; transforms cannot depend
 * on io.
 *
 * <p>Immutable. The Beam schema field names are these snake_case column names (tested).
 */
@DefaultSchema(JavaBeanSchema.class)
public class InvalidEvent implements Serializable {
  private final String reason;
  private final String eventId;
  private final String kind;

  /** Beam builds rows through this constructor; the getters name the schema fields. */
  @SchemaCreate
  public InvalidEvent(String reason, String eventId, String kind) {
    this.reason = reason;
    this.eventId = eventId;
    this.kind = kind;
  }

  @SchemaFieldName("reason")
  public String getReason() {
    return reason;
  }

  @SchemaFieldName("event_id")
  public String getEventId() {
    return eventId;
  }

  @SchemaFieldName("kind")
  public String getKind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvalidEvent e && Objects.equals(reason, e.reason)
        && Objects.equals(eventId, e.eventId) && Objects.equals(kind, e.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, eventId, kind);
  }

  @Override
  public String toString() {
    return kind + " " + eventId + ": " + reason;
  }
}
