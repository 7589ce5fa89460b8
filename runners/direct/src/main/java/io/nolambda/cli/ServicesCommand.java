package io.nolambda.cli;

import io.nolambda.testing.services.LocalServices;
import io.nolambda.testing.services.ServicesConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nolambda services start|status|stop}: the local Kafka and Cassandra for people. */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = "Start, inspect or stop the local single-node Kafka and Cassandra (127.0.0.1).",
    subcommands = {ServicesCommand.Start.class, ServicesCommand.Status.class, ServicesCommand.Stop.class})
final class ServicesCommand {

  /** Options shared by the subcommands. */
  static class StateDirOption {
    @Option(names = "--state-dir", description = "Data, logs, PID files and credentials (default: <home>/.services)")
    Path stateDir;

    Path resolve() {
      return stateDir != null ? stateDir : HomeDir.get().resolve(".services");
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start both services in the background and wait until they are ready.")
  static final class Start implements Runnable {
    @picocli.CommandLine.Mixin StateDirOption state = new StateDirOption();

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (controller: +1)")
    int kafkaPort;

    @Option(names = "--cassandra-port", defaultValue = "9042", description = "Cassandra CQL port")
    int cassandraPort;

    @Option(names = "--cassandra-storage-port", defaultValue = "7000", description = "Cassandra internode port")
    int storagePort;

    @Override
    public void run() {
      long begin = System.nanoTime();
      LocalServices services = LocalServices.start(ServicesConfig.defaults(HomeDir.get())
          .withStateDir(state.resolve())
          .withKafkaPorts(kafkaPort, kafkaPort + 1)
          .withCassandraPorts(cassandraPort, storagePort)
          .withDetached(true));
      System.out.printf("Services started in %.1f s: %s%n", (System.nanoTime() - begin) / 1e9, services.endpoints());
      System.out.println("Credentials: " + state.resolve().resolve("cassandra-credentials.properties")
          + " (or NOLAMBDA_CASSANDRA_USERNAME / NOLAMBDA_CASSANDRA_PASSWORD)");
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether each service runs.")
  static final class Status implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Mixin StateDirOption state = new StateDirOption();

    @Override
    public Integer call() {
      var status = LocalServices.status(state.resolve());
      System.out.println(status);
      return status.running() ? 0 : 3;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop both services.")
  static final class Stop implements Runnable {
    @picocli.CommandLine.Mixin StateDirOption state = new StateDirOption();

    @Override
    public void run() {
      LocalServices.stop(state.resolve());
      System.out.println(LocalServices.status(state.resolve()));
    }
  }
}
