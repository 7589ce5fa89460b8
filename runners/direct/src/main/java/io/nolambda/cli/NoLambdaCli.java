package io.nolambda.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/nolambda}. */
@Command(
    name = "nolambda",
    mixinStandardHelpOptions = true,
    version = "NoLambda 0.1.0",
    description = "One codebase of event-time transforms, live from Kafka or as a backfill.",
    subcommands = {
      ServicesCommand.class,
      SimulateCommand.class,
      ImportCommand.class,
      ProduceCommand.class,
      ArchiveCommand.class,
      RunCommand.class,
      BackfillCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class NoLambdaCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new NoLambdaCli()).execute(args));
  }
}
