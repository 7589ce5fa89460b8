package io.nolambda.pipelines;

import io.nolambda.pipelines.eventcounts.EventCountOptions;
import io.nolambda.pipelines.eventcounts.EventCountPipeline;
import io.nolambda.pipelines.parking.ParkingOptions;
import io.nolambda.pipelines.parking.ParkingPipeline;
import io.nolambda.pipelines.transit.TransitOptions;
import io.nolambda.pipelines.transit.TransitPipeline;
import io.nolambda.pipelines.trends.TrendsOptions;
import io.nolambda.pipelines.trends.TrendsPipeline;
import io.nolambda.io.kafka.EventTopics;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;

/** The applications by name, each built from its options by one function. */
public enum PipelineCatalog {
  TRENDS("trends", TrendsOptions.class, TrendsPipeline.KINDS, o -> TrendsPipeline.create((TrendsOptions) o),
      o -> TrendsPipeline.lookBack((TrendsOptions) o)),
  PARKING("parking", ParkingOptions.class, ParkingPipeline.KINDS, o -> ParkingPipeline.create((ParkingOptions) o),
      o -> ParkingPipeline.lookBack((ParkingOptions) o)),
  TRANSIT("transit", TransitOptions.class, TransitPipeline.KINDS, o -> TransitPipeline.create((TransitOptions) o),
      o -> TransitPipeline.lookBack((TransitOptions) o)),
  EVENTCOUNTS("eventcounts", EventCountOptions.class, EventTopics.kinds(),
      o -> EventCountPipeline.create((EventCountOptions) o), o -> Duration.ZERO);

  private final String pipelineName;
  private final Class<? extends PipelineOptions> optionsClass;
  private final List<String> kinds;
  private final Function<PipelineOptions, Pipeline> factory;
  private final Function<PipelineOptions, Duration> lookBack;

  PipelineCatalog(String pipelineName, Class<? extends PipelineOptions> optionsClass, List<String> kinds,
      Function<PipelineOptions, Pipeline> factory, Function<PipelineOptions, Duration> lookBack) {
    this.pipelineName = pipelineName;
    this.optionsClass = optionsClass;
    this.kinds = kinds;
    this.factory = factory;
    this.lookBack = lookBack;
  }

  /** The event kinds the pipeline reads. */
  public List<String> kinds() {
    return kinds;
  }

  /** Event time before {@code --from} that a run over a range reads (see ReadEvents#withLookBack). */
  public Duration lookBack(PipelineOptions options) {
    return lookBack.apply(options.as(optionsClass));
  }

  public String pipelineName() {
    return pipelineName;
  }

  public static PipelineCatalog named(String name) {
    return Arrays.stream(values()).filter(p -> p.pipelineName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--pipeline=" + name + " is not one of " + names()));
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(PipelineCatalog::pipelineName).toList();
  }

  /** The interface of the pipeline's options. */
  public Class<? extends PipelineOptions> optionsClass() {
    return optionsClass;
  }

  /** The pipeline's options parsed and validated from Beam-style {@code --name=value} arguments. */
  public PipelineOptions options(String... args) {
    PipelineOptionsFactory.register(optionsClass);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(optionsClass);
  }

  public Pipeline create(PipelineOptions options) {
    return factory.apply(options.as(optionsClass));
  }
}
