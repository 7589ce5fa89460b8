package io.nolambda.testing.simulator;

import io.nolambda.events.CityEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Prints how fast the simulator generates events: a cold pass (fresh JVM: class loading and JIT
 * included), then warm passes, each streamed and discarded, then a pass that also Avro-encodes every
 * event. Wall and CPU time are both shown because shared machines make wall time noisy. Not a test:
 * run it with the test classpath, e.g.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.nolambda.testing.simulator.GenerationRate [events, default 1000000]
 * </pre>
 */
public final class GenerationRate {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private GenerationRate() {}

  public static void main(String[] args) throws IOException {
    long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    // A default one-hour city is about 4,000 bus, parking and incident events; assets make the rest.
    SimulatorConfig config = SimulatorConfig.builder()
        .assetEventsPerSecond(Math.max(1, (target - 4_000) / 3_600.0))
        .build();
    measure("cold", config, false);
    for (int pass = 1; pass <= 3; pass++) {
      measure("warm " + pass, config, false);
    }
    measure("warm + Avro encode", config, true);
  }

  private static void measure(String label, SimulatorConfig config, boolean encode)
      throws IOException {
    SpecificDatumWriter<CityEvent> writer = new SpecificDatumWriter<>(CityEvent.class);
    BinaryEncoder encoder =
        EncoderFactory.get().binaryEncoder(OutputStream.nullOutputStream(), null);
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long events = 0;
    for (CityEvent event : new CitySimulator(config)) {
      if (encode) {
        writer.write(event, encoder);
      }
      events++;
    }
    encoder.flush();
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf("%-20s %,10d events  wall %6.2f s (%,11.0f events/s)  cpu %6.2f s"
            + " (%,11.0f events/s)%n",
        label, events, wallSeconds, events / wallSeconds, cpuSeconds, events / cpuSeconds);
  }
}
