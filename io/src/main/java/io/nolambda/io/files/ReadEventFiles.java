package io.nolambda.io.files;

import io.nolambda.events.CityEvent;
import io.nolambda.events.CityEvents;
import io.nolambda.events.EventJson;
import io.nolambda.io.DeadLetter;
import io.nolambda.io.DeadLetterReason;
import io.nolambda.io.SourceOutputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Reads events from files in the canonical JSON-lines format (gzip or plain, by extension), each
 * stamped with its event time. A line that is not an event becomes a dead letter with the file
 * and line number; empty lines carry nothing and are skipped.
 */
public final class ReadEventFiles extends PTransform<PBegin, PCollectionTuple> {
  private final String filepattern;

  private ReadEventFiles(String filepattern) {
    this.filepattern = filepattern;
  }

  public static ReadEventFiles from(String filepattern) {
    return new ReadEventFiles(filepattern);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out =
        input
            .apply("Match", FileIO.match().filepattern(filepattern))
            .apply("Open", FileIO.readMatches())
            .apply("Parse lines",
                ParDo.of(new ParseLinesFn())
                    .withOutputTags(SourceOutputs.EVENTS, TupleTagList.of(SourceOutputs.DEAD_LETTERS)));
    out.get(SourceOutputs.EVENTS).setCoder(AvroCoder.of(CityEvent.class));
    return out;
  }

  private static final class ParseLinesFn extends DoFn<FileIO.ReadableFile, CityEvent> {
    private final Counter events = Metrics.counter(ReadEventFiles.class, "events_read");
    private final Counter dead = Metrics.counter(ReadEventFiles.class, "dead_letters");

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      String path = file.getMetadata().resourceId().toString();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          try {
            CityEvent event = EventJson.decode(line);
            out.get(SourceOutputs.EVENTS).outputWithTimestamp(event, new Instant(CityEvents.eventTime(event)));
            events.inc();
          } catch (IllegalArgumentException e) {
            dead.inc();
            out.get(SourceOutputs.DEAD_LETTERS).output(new DeadLetter(DeadLetterReason.UNPARSABLE_LINE.name(),
                e.getMessage(), path, 0, lineNumber, line.getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
  }
}
