package io.nolambda.io.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics NoLambda uses: one per event kind with a partition count and a retention
 * (keep forever, {@code retention.ms=-1}, for replayed historical data: with a time retention the
 * broker deletes records whose CreateTime, the event time, is older than it), the dead-letter topic,
 * and the compacted single-partition schema registry topic. Creating a topic that exists is a no-op
 * (its settings are left as they are).
 */
public final class TopicAdmin implements AutoCloseable {
  /** Keep records forever. */
  public static final long RETAIN_FOREVER = -1;

  private final Admin admin;

  private TopicAdmin(Admin admin) {
    this.admin = admin;
  }

  public static TopicAdmin connect(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return new TopicAdmin(Admin.create(props));
  }

  /**
   * The topics of all event kinds and the dead-letter topic under the prefix, with this many
   * partitions and retention in millis ({@link #RETAIN_FOREVER} for replayed data).
   *
   * @return the topics that were newly created
   */
  public List<String> createEventTopics(String prefix, int partitions, long retentionMillis) {
    List<NewTopic> topics = new ArrayList<>();
    for (String kind : EventTopics.kinds()) {
      topics.add(eventTopic(EventTopics.topic(prefix, kind), partitions, retentionMillis));
    }
    topics.add(eventTopic(prefix + WriteDeadLettersToKafka.TOPIC, partitions, retentionMillis));
    return create(topics);
  }

  /** One event topic (or any plain topic) with a partition count and retention. */
  public boolean createTopic(String topic, int partitions, long retentionMillis) {
    return !create(List.of(eventTopic(topic, partitions, retentionMillis))).isEmpty();
  }

  /**
   * The schema registry's topic: one partition (a total order of registrations), compacted (the
   * latest record per key is kept forever), never deleted by time.
   */
  public boolean createRegistryTopic(String topic) {
    NewTopic registry = new NewTopic(topic, 1, (short) 1)
        .configs(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETAIN_FOREVER)));
    return !create(List.of(registry)).isEmpty();
  }

  /** Names of the existing topics (internal ones excluded). */
  public Set<String> topics() {
    try {
      return admin.listTopics().names().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics", e.getCause());
    }
  }

  /** The configured value of a topic setting, e.g. {@code retention.ms}. */
  public String config(String topic, String name) {
    var resource = new org.apache.kafka.common.config.ConfigResource(
        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
    try {
      return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe topic " + topic, e.getCause());
    }
  }

  /** Partition count of a topic. */
  public int partitions(String topic) {
    try {
      return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe topic " + topic, e.getCause());
    }
  }

  private static NewTopic eventTopic(String name, int partitions, long retentionMillis) {
    return new NewTopic(name, partitions, (short) 1)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMillis)));
  }

  private List<String> create(List<NewTopic> topics) {
    List<String> created = new ArrayList<>();
    var futures = admin.createTopics(topics).values();
    for (var entry : futures.entrySet()) {
      try {
        entry.getValue().get();
        created.add(entry.getKey());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
        }
      }
    }
    return created;
  }

  @Override
  public void close() {
    admin.close();
  }
}
