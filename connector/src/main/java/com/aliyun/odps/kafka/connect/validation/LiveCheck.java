package com.aliyun.odps.kafka.connect.validation;

import com.aliyun.odps.kafka.connect.config.ConfigProblem;
import com.aliyun.odps.kafka.connect.config.SinkSettings;
import java.util.List;

/** A check against the running service, run by validation once the configuration is otherwise valid. */
@FunctionalInterface
public interface LiveCheck {
  List<ConfigProblem> check(SinkSettings settings);
}
