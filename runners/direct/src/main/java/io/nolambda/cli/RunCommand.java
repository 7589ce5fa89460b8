package io.nolambda.cli;

import io.nolambda.pipelines.PipelineCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.PipelineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code nolambda run --pipeline=P [Beam options]}: one application, live or reprocessing. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a pipeline on the DirectRunner. Every other --name=value is one of the pipeline's options:",
        "--mode=streaming|reprocess --source=kafka|archive|file:PATTERN --sink=cassandra|jsonl:DIR",
        "--from/--to (ISO-8601), window sizes, Kafka and Cassandra addresses (--pipeline=P --help lists them)."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--pipeline", required = true, description = "trends, parking, transit or eventcounts")
  String pipeline;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(pipelineArgs);
    args.add("--pipeline=" + PipelineCatalog.named(pipeline).pipelineName());
    PipelineResult.State state = PipelineArgs.parse(args).start().waitUntilFinish();
    System.out.println("pipeline " + pipeline + " " + state);
    return state == PipelineResult.State.DONE ? 0 : 1;
  }
}
