package io.nolambda.pipelines.matrix;

import java.util.List;

/**
 * A runner's options for the matrix contracts. Each runner module implements it once, as an
 * interface with default methods, and its contract subclasses only name it.
 */
public interface RunnerArgs {
  /** Options of a bounded (batch) run on this runner, e.g. {@code --runner=FlinkRunner}. */
  List<String> batchArgs();

  /** Options of a streaming run on this runner, e.g. {@code --streaming=true}. */
  List<String> streamingArgs();
}
