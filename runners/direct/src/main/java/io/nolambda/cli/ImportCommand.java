package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nolambda import}: a real data file, as events, to Kafka or a file. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turn a real data file into events (rejected rows are listed with line and reason).")
final class ImportCommand implements Callable<Integer> {
  @Mixin SinkOptions sink = new SinkOptions();
  @Mixin DataSetInput input = new DataSetInput();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!input.given()) {
      throw new ParameterException(spec.commandLine(), "--dataset is required");
    }
    long events = 0;
    try (EventSink out = sink.open(); Stream<CityEvent> stream = input.events()) {
      for (CityEvent event : (Iterable<CityEvent>) stream::iterator) {
        out.accept(event);
        events++;
      }
    }
    System.out.printf("%s: %,d events to %s, %,d rows rejected%n", input.dataset, events, sink.to, input.rejected.get());
    return input.rejected.get() == 0 ? 0 : 1;
  }
}
