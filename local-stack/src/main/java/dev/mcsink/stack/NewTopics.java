package dev.mcsink.stack;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Topics on the local stack's single broker, ready to be produced to when created. */
public final class NewTopics {
  private static final long WAIT_MINUTES = 1;

  private NewTopics() {
  }

  /**
   * Creates the topic (replication 1) and returns once every partition has a leader: a new topic's
   * partitions get theirs a moment after creation, and the first batches sent before fail.
   */
  public static void create(Admin admin, String topic, int partitions) throws ExecutionException, InterruptedException {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(WAIT_MINUTES, TimeUnit.MINUTES);
      awaitLeaders(admin, topic);
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic " + topic + " not created within a minute", e);
    }
  }

  private static void awaitLeaders(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(WAIT_MINUTES);
    while (true) {
      try {
        TopicDescription description =
            admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT_MINUTES, TimeUnit.MINUTES).get(topic);
        if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        // Created, but the metadata has not reached the broker's cache yet.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("partitions of " + topic + " have no leader after a minute");
      }
      Thread.sleep(100); // polling period
    }
  }
}
