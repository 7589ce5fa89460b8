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
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Reads events from files in the canonical JSON-lines format (gzip or plain, by extension), each
 * stamped with its event time. A line that is not an event becomes a dead letter with the file
 * and line number; empty lines carry nothing and are skipped.
 *
 * <p>A file is read by one worker, but its lines are handed on in chunks of {@value #CHUNK_LINES}
 * and spread over all workers before they are parsed: otherwise one worker parsed a whole file and
 * everything chained after it ran on that worker too (a 2M-line file on Flink used one of its two
 * task slots).
 */
public final class ReadEventFiles extends PTransform<PBegin, PCollectionTuple> {
  static final int CHUNK_LINES = 1_000;

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
            .apply("Read chunks of lines", ParDo.of(new ReadChunksFn()))
            .setCoder(new LineChunk.Coder())
            .apply("Spread chunks", Reshuffle.viaRandomKey())
            .apply("Parse lines",
                ParDo.of(new ParseLinesFn())
                    .withOutputTags(SourceOutputs.EVENTS, TupleTagList.of(SourceOutputs.DEAD_LETTERS)));
    out.get(SourceOutputs.EVENTS).setCoder(AvroCoder.of(CityEvent.class));
    return out;
  }

  private static final class ReadChunksFn extends DoFn<FileIO.ReadableFile, LineChunk> {
    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<LineChunk> out) throws IOException {
      String path = file.getMetadata().resourceId().toString();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
        long firstLine = 1;
        List<String> lines = new ArrayList<>(CHUNK_LINES);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
          if (lines.size() == CHUNK_LINES) {
            out.output(new LineChunk(path, firstLine, lines));
            firstLine += lines.size();
            lines = new ArrayList<>(CHUNK_LINES);
          }
        }
        if (!lines.isEmpty()) {
          out.output(new LineChunk(path, firstLine, lines));
        }
      }
    }
  }

  private static final class ParseLinesFn extends DoFn<LineChunk, CityEvent> {
    private final Counter events = Metrics.counter(ReadEventFiles.class, "events_read");
    private final Counter dead = Metrics.counter(ReadEventFiles.class, "dead_letters");

    @ProcessElement
    public void process(@Element LineChunk chunk, MultiOutputReceiver out) {
      long lineNumber = chunk.firstLine();
      for (String line : chunk.lines()) {
        if (!line.isBlank()) {
          parse(chunk.path(), lineNumber, line, out);
        }
        lineNumber++;
      }
    }

    private void parse(String path, long lineNumber, String line, MultiOutputReceiver out) {
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
