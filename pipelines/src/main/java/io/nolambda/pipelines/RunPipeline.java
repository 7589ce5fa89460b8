package io.nolambda.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one application: {@code --pipeline=trends|parking|...} plus its Beam options, for example
 * {@code --runner=FlinkRunner --mode=streaming}. The main class of {@code mvn exec:exec} on every
 * runner module and of {@code bin/nolambda run}. Blocks until a bounded run finishes; a streaming
 * run goes on until it is cancelled (or the JVM is stopped).
 */
public final class RunPipeline {
  private static final String PIPELINE = "--pipeline=";

  private RunPipeline() {}

  /** A named pipeline with its parsed options, ready to start. */
  public record Job(PipelineCatalog pipeline, PipelineOptions options) {
    public PipelineResult start() {
      return pipeline.create(options).run();
    }
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") && List.of(args).stream().noneMatch(a -> a.startsWith(PIPELINE))) {
      System.out.println("RunPipeline --pipeline=" + String.join("|", PipelineCatalog.names())
          + " [Beam options]; --pipeline=P --help lists P's options");
      return;
    }
    PipelineResult.State state = parse(args).start().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state);
    }
  }

  /** Splits off {@code --pipeline=P} and parses the rest as P's options (with {@link FlinkStreamingDefaults}). */
  public static Job parse(String... args) {
    String name = null;
    List<String> beamArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith(PIPELINE)) {
        name = arg.substring(PIPELINE.length());
      } else {
        beamArgs.add(arg);
      }
    }
    if (name == null) {
      throw new IllegalArgumentException("name the application: --pipeline=" + String.join("|", PipelineCatalog.names()));
    }
    PipelineCatalog pipeline = PipelineCatalog.named(name);
    return new Job(pipeline, pipeline.options(FlinkStreamingDefaults.addTo(beamArgs).toArray(String[]::new)));
  }
}
