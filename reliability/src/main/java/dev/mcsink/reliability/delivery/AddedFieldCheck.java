package dev.mcsink.reliability.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a schema change (auto.evolve): do the rows of the records whose JSON value has a field hold
 * its value in the column of that name? Reads the topic (the records with the field, and its value),
 * then the table's partition, offset and that column; a record counts once however many rows it has.
 */
public final class AddedFieldCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param recordsWithField records of the topic whose value has the field
   * @param recordsHoldingIt of those, records with a row whose column holds the field's value
   * @param recordsWrong     records with a row whose column holds something else (or a value their
   *                         record did not have)
   */
  public record Report(long recordsWithField, long recordsHoldingIt, long recordsWrong) {
    public boolean holds() {
      return recordsHoldingIt == recordsWithField && recordsWrong == 0;
    }
  }

  private record Origin(int partition, long offset) {}

  private AddedFieldCheck() {}

  /** @throws DeliveryCheckException when the topic or the table cannot be read, or the table lacks the column */
  public static Report run(DeliverySettings settings, String field) {
    Map<Origin, String> expected = new HashMap<>();
    try (TopicReader kafka = new TopicReader(settings.bootstrapServers(), settings.kafkaProperties(),
        settings.kafkaTimeout())) {
      kafka.read(settings.topic(), kafka.bounds(settings.topic()), record -> {
        String value = fieldOf(record.value(), field);
        if (value != null) {
          expected.put(new Origin(record.partition(), record.offset()), value);
        }
      });
    }
    Set<Origin> holding = new HashSet<>();
    Set<Origin> wrong = new HashSet<>();
    new TableColumnsReader(settings.maxCompute(), settings.tunnelEndpoint()).read(settings.table(),
        settings.partitionSpecs(), List.of("partition", "offset", field), row -> {
          String value = LastValueCheck.text(row, 2);
          if (row.get(0) instanceof Number partition && row.get(1) instanceof Number offset && value != null) {
            Origin origin = new Origin(partition.intValue(), offset.longValue());
            (value.equals(expected.get(origin)) ? holding : wrong).add(origin);
          }
        });
    return new Report(expected.size(), holding.size(), wrong.size());
  }

  /** The field of a JSON object value as text; null when the value is not such an object or lacks it. */
  private static String fieldOf(byte[] value, String field) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
      JsonNode found = node == null ? null : node.get(field);
      return found == null || found.isNull() ? null : found.asText();
    } catch (IOException e) {
      return null; // not JSON: it has no field
    }
  }
}
