package dev.mcsink.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One message format of the product document as the benchmark uses it: the table the rows go to,
 * how the messages look, the connector's {@code format}/{@code mode} and the converter Connect
 * applies, and the deserializer that does the same work for the ceiling consumer.
 *
 * <p>Values are padded to the requested size with printable ASCII (random bytes for BINARY), from a
 * seeded generator, so every run of the same options produces the same data set.
 */
enum BenchFormat {
  TEXT("DEFAULT", "key STRING, value STRING") {
    @Override
    byte[] value(long id, int bytes, SplittableRandom random) {
      return ascii(padding(random, bytes));
    }
  },
  CSV("VALUE", "id BIGINT, name STRING, region STRING") {
    @Override
    byte[] value(long id, int bytes, SplittableRandom random) {
      String head = id + ",";
      String tail = ",region-" + (id % 32);
      return ascii(head + padding(random, bytes - head.length() - tail.length()) + tail);
    }
  },
  JSON("VALUE", "key STRING, value JSON") {
    @Override
    byte[] value(long id, int bytes, SplittableRandom random) {
      String head = "{\"id\":" + id + ",\"region\":\"region-" + (id % 32) + "\",\"name\":\"";
      String tail = "\"}";
      return ascii(head + padding(random, bytes - head.length() - tail.length()) + tail);
    }
  },
  FLATTEN("VALUE", "id BIGINT, name STRING, extendinfo JSON") {
    @Override
    byte[] value(long id, int bytes, SplittableRandom random) {
      String head = "{\"id\":" + id + ",\"extendinfo\":{\"region\":\"region-" + (id % 32) + "\",\"sex\":\""
          + (id % 2 == 0 ? "M" : "W") + "\"},\"name\":\"";
      String tail = "\"}";
      return ascii(head + padding(random, bytes - head.length() - tail.length()) + tail);
    }
  },
  BINARY("DEFAULT", "key BINARY, value BINARY") {
    @Override
    byte[] value(long id, int bytes, SplittableRandom random) {
      byte[] value = new byte[Math.max(1, bytes)];
      random.nextBytes(value);
      return value;
    }

    @Override
    Deserializer<?> deserializer() {
      return new ByteArrayDeserializer();
    }

    @Override
    String converter() {
      return "org.apache.kafka.connect.converters.ByteArrayConverter";
    }
  };

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final String mode;
  private final String dataColumns;

  BenchFormat(String mode, String dataColumns) {
    this.mode = mode;
    this.dataColumns = dataColumns;
  }

  /** A message value of about {@code bytes} bytes (never less than the format's fixed part). */
  abstract byte[] value(long id, int bytes, SplittableRandom random);

  /** Short keys, as most topics have them: the message's number. */
  byte[] key(long id) {
    return ascii(Long.toString(id));
  }

  Deserializer<?> deserializer() {
    return new StringDeserializer();
  }

  /** The converter the connector is given for keys and values. */
  String converter() {
    return "org.apache.kafka.connect.storage.StringConverter";
  }

  /** @param extraColumns after the harness's own columns, in the order given */
  String createTable(String table, List<ExtraColumn> extraColumns) {
    StringBuilder columns = new StringBuilder("topic STRING, `partition` BIGINT, `offset` BIGINT, ").append(dataColumns);
    for (ExtraColumn extra : extraColumns) {
      columns.append(", ").append(extra.definition());
    }
    return "CREATE TABLE " + table + " (" + columns + ") PARTITIONED BY (pt STRING);";
  }

  /** The names of the columns (partition column included) the harness gives this format's tables. */
  List<String> columnNames() {
    List<String> names = new ArrayList<>(List.of("topic", "partition", "offset"));
    for (String column : dataColumns.split(",")) {
      names.add(column.trim().split(" ")[0]);
    }
    names.add("pt");
    return names;
  }

  /** The connector settings that depend on the format. */
  Map<String, String> connectorSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("format", name());
    settings.put("mode", mode);
    settings.put("key.converter", converter());
    settings.put("value.converter", converter());
    return settings;
  }

  private static String padding(SplittableRandom random, int length) {
    char[] chars = new char[Math.max(1, length)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
