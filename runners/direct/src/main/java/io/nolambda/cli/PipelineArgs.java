package io.nolambda.cli;

import io.nolambda.io.cassandra.CassandraOptions;
import io.nolambda.pipelines.RunPipeline;
import io.nolambda.testing.services.CassandraCredentials;
import io.nolambda.testing.services.LocalServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Beam-style pipeline arguments given to {@code run} and {@code backfill}: parsed as the named
 * pipeline's options, on the DirectRunner this command line carries (the Spark and Flink runners
 * run through their modules' {@code exec:exec}), with Cassandra credentials from the environment
 * or, failing that, from the local services of {@code services start}.
 */
final class PipelineArgs {
  private PipelineArgs() {}

  static RunPipeline.Job parse(List<String> args) {
    args.stream().filter(a -> a.startsWith("--runner=") && !a.equals("--runner=DirectRunner")).findFirst()
        .ifPresent(a -> {
          throw new IllegalArgumentException("bin/nolambda runs pipelines on the DirectRunner; for " + a.substring(9)
              + " use its module: mvn -pl runners/" + (a.contains("Spark") ? "spark" : "flink")
              + " exec:exec -Dexec.args=\"--pipeline=... " + a + " ...\" (see the README)");
        });
    RunPipeline.Job job = RunPipeline.parse(args.toArray(String[]::new));
    CassandraOptions cassandra = job.options().as(CassandraOptions.class);
    Path services = HomeDir.get().resolve(".services");
    if (cassandra.getCassandraUsername() == null && Files.isDirectory(services)) {
      CassandraCredentials local = LocalServices.readEndpoints(services).credentials();
      cassandra.setCassandraUsername(local.username());
      cassandra.setCassandraPassword(local.password());
    }
    return job;
  }
}
