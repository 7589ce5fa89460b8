package io.nolambda.cli;

import io.nolambda.events.CityEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nolambda simulate}: the deterministic city, to Kafka or to a file. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Generate the simulated city's events (same seed, same events) and send them to Kafka or a file.")
final class SimulateCommand implements Callable<Integer> {
  @Mixin SinkOptions sink = new SinkOptions();

  @Mixin SimulatorOptions city = new SimulatorOptions();

  @Override
  public Integer call() {
    long begin = System.nanoTime();
    long count = 0;
    try (EventSink out = sink.open()) {
      for (CityEvent event : city.simulator()) {
        out.accept(event);
        count++;
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    System.out.printf("%,d events to %s in %.1f s (%,.0f events/s)%n", count, sink.to, seconds, count / seconds);
    return 0;
  }
}
