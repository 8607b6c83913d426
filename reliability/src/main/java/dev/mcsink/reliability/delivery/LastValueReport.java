package dev.mcsink.reliability.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of a {@link LastValueCheck}: the table against the last value produced per key.
 * Every key whose last record has a value is expected, and counted once in exactly one of
 * matching, wrong and missing, so {@code keysExpected = matching + wrong + missing}.
 *
 * @param recordsRead     records of the topic read (up to its end when the check started)
 * @param recordsWithoutKey records with a null key: they name no key, and are left out
 * @param keysProduced    distinct keys in the topic
 * @param keysDeleted     keys whose last record is a tombstone (null value): the table must not hold them
 * @param tableRows       rows read from the table
 * @param keysExpected    keys whose last record has a value
 * @param matching        expected keys whose row holds the last value
 * @param wrong           expected keys whose row holds another value
 * @param missing         expected keys without a row
 * @param unexpected      keys in the table that are not expected (deleted last, or never produced),
 *                        and rows beyond the first of a key
 * @param firstWrong      the first few wrong keys, with the value found and the value expected
 * @param firstMissing    the first few missing keys
 * @param firstUnexpected the first few unexpected keys
 */
public record LastValueReport(String topic, String table, String keyColumn, String valueColumn, long recordsRead,
    long recordsWithoutKey, long keysProduced, long keysDeleted, long tableRows, long keysExpected, long matching,
    long wrong, long missing, long unexpected, List<WrongValue> firstWrong, List<String> firstMissing,
    List<String> firstUnexpected) {
  /** A key whose row does not hold the last value produced. */
  public record WrongValue(String key, String found, String expected) {}

  public LastValueReport {
    firstWrong = List.copyOf(firstWrong);
    firstMissing = List.copyOf(firstMissing);
    firstUnexpected = List.copyOf(firstUnexpected);
  }

  /** True when the table holds exactly the last value of every key not deleted. */
  @JsonProperty("matches")
  public boolean matches() {
    return wrong == 0 && missing == 0 && unexpected == 0;
  }
}
