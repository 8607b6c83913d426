package com.aliyun.odps.kafka.connect;

import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.MaxComputeSinkConfig;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import com.aliyun.odps.kafka.connect.validation.ServiceFailures;
import com.aliyun.odps.kafka.connect.write.TaskWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes records into a MaxCompute table through the Tunnel; all the work is in {@link TaskWriter}. */
public class MaxComputeSinkTask extends SinkTask {
  private static final Logger log = LoggerFactory.getLogger(MaxComputeSinkTask.class);
  private TaskWriter writer;

  @Override
  public String version() {
    return Version.get();
  }

  /**
   * Opens the table once: wrong credentials, an untrusted endpoint, a missing table fail the task
   * here, with the key to change in its status trace, rather than on every write. A service that
   * can't be reached now is waited out ({@link TaskWriter}).
   */
  @Override
  public void start(Map<String, String> props) {
    SinkSettings settings = new MaxComputeSinkConfig(props).settings();
    log.info("Starting MaxCompute sink task: {}", settings);
    try {
      writer = TaskWriter.start(settings, context);
    } catch (ConfigException e) {
      throw e; // names its key already (e.g. an unusable trust store)
    } catch (RuntimeException e) {
      Optional<ConfigProblem> problem = ServiceFailures.recognize(settings, e);
      if (problem.isEmpty()) {
        throw e;
      }
      throw new ConnectException("Cannot start: " + problem.get(), e);
    }
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    writer.open(partitions);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    writer.put(records);
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    return writer.preCommit(currentOffsets);
  }

  @Override
  public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    // Never called: preCommit is overridden and commits only what is written.
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    if (writer != null) {
      writer.close(partitions);
    }
  }

  @Override
  public void stop() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
