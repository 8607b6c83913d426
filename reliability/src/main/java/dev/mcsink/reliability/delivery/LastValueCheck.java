package dev.mcsink.reliability.delivery;

import com.aliyun.odps.data.Record;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares an upsert sink's table with the last value produced per Kafka key: reads the topic up to
 * its end offsets (the last record of a key wins; a null value deletes it), then the table's key and
 * value columns. The check of {@code bin/verify-delivery --mode last-value-per-key}.
 *
 * <p>Keys and values are compared as text. A key that is a JSON object holding the key column (as
 * with pk.source KEY) stands for that field; a value that is a JSON object holding the value column
 * stands for that field; anything else stands for itself. Keys are compared per topic, not per
 * partition: a producer that sends one key to two partitions has no last value to check.
 */
public final class LastValueCheck {
  /** Keys listed per kind of difference. */
  public static final int KEYS_SHOWN = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private LastValueCheck() {}

  /** @throws DeliveryCheckException when the topic, the table or a service cannot be read */
  public static LastValueReport run(DeliverySettings settings, String keyColumn, String valueColumn) {
    LastValues produced = new LastValues();
    try (TopicReader kafka = new TopicReader(settings.bootstrapServers(), settings.kafkaProperties(),
        settings.kafkaTimeout())) {
      kafka.read(settings.topic(), kafka.bounds(settings.topic()), record -> produced.add(
          record.key() == null ? null : fieldOrText(record.key(), keyColumn), record.value() == null,
          record.value() == null ? null : fieldOrText(record.value(), valueColumn)));
    }
    Map<String, String> expected = produced.live();
    TableValues table = new TableValues();
    new TableColumnsReader(settings.maxCompute(), settings.tunnelEndpoint())
        .read(settings.table(), settings.partitionSpecs(), List.of(keyColumn, valueColumn),
            row -> table.add(text(row, 0), text(row, 1)));
    // Compared in key order, so that the keys listed are the same from one run to the next.
    Comparison comparison = new Comparison();
    table.values.forEach((key, value) -> {
      if (!expected.containsKey(key)) {
        comparison.unexpected(key);
      } else if (Objects.equals(expected.get(key), value)) {
        comparison.matching++;
      } else {
        comparison.wrong(new LastValueReport.WrongValue(key, value, expected.get(key)));
      }
    });
    table.repeated.forEach(comparison::unexpected);
    List<String> missing = expected.keySet().stream().filter(k -> !table.values.containsKey(k)).toList();
    return new LastValueReport(settings.topic(), settings.table(), keyColumn, valueColumn, produced.records,
        produced.withoutKey, produced.last.size(), produced.last.size() - expected.size(), table.rows,
        expected.size(), comparison.matching, comparison.wrong, missing.size(), comparison.unexpected,
        comparison.firstWrong, missing.subList(0, Math.min(KEYS_SHOWN, missing.size())), comparison.firstUnexpected);
  }

  /** The field {@code name} of a JSON object as text (null for JSON null), or the whole text. */
  static String fieldOrText(byte[] bytes, String name) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.trim().startsWith("{")) {
      return text;
    }
    try {
      JsonNode node = JSON.readTree(text);
      JsonNode field = node.get(name);
      if (field == null) {
        return text;
      }
      return field.isNull() ? null : field.isValueNode() ? field.asText() : field.toString();
    } catch (IOException e) {
      return text; // not JSON after all: the text is the value
    }
  }

  /** A column as text: STRING may arrive as bytes. */
  static String text(Record row, int column) {
    Object value = row.get(column);
    if (value == null) {
      return null;
    }
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  /** The last record per key as the topic is read. */
  private static final class LastValues {
    /** A key's last record: a tombstone, or a value (which may be null: a JSON null). */
    record Last(boolean deleted, String value) {}

    final Map<String, Last> last = new TreeMap<>();
    long records;
    long withoutKey;

    void add(String key, boolean deletes, String value) {
      records++;
      if (key == null) {
        withoutKey++;
      } else {
        last.put(key, new Last(deletes, value));
      }
    }

    /** The keys not deleted by their last record, with their last value. */
    Map<String, String> live() {
      Map<String, String> live = new TreeMap<>();
      last.forEach((key, record) -> {
        if (!record.deleted()) {
          live.put(key, record.value());
        }
      });
      return live;
    }
  }

  /** The table's value per key, and the keys of rows beyond a key's first (a Delta table has none). */
  private static final class TableValues {
    final Map<String, String> values = new TreeMap<>();
    final List<String> repeated = new ArrayList<>();
    long rows;

    void add(String keyOrNull, String value) {
      rows++;
      String key = keyOrNull == null ? "NULL" : keyOrNull;
      if (values.containsKey(key)) {
        repeated.add(key);
      } else {
        values.put(key, value);
      }
    }
  }

  private static final class Comparison {
    final List<LastValueReport.WrongValue> firstWrong = new ArrayList<>();
    final List<String> firstUnexpected = new ArrayList<>();
    long matching;
    long wrong;
    long unexpected;

    void wrong(LastValueReport.WrongValue difference) {
      if (wrong++ < KEYS_SHOWN) {
        firstWrong.add(difference);
      }
    }

    void unexpected(String key) {
      if (unexpected++ < KEYS_SHOWN) {
        firstUnexpected.add(key);
      }
    }
  }
}
