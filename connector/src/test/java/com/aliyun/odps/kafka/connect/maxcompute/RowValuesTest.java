package com.aliyun.odps.kafka.connect.maxcompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Record;
import org.junit.jupiter.api.Test;

class RowValuesTest {
  private static final Column[] COLUMNS = {new Column("id", OdpsType.BIGINT), new Column("value", OdpsType.STRING)};

  @Test
  void theValuesAreTheRecordsOwnAndTheNextFillReusesThem() {
    RowValues row = new RowValues(new ArrayRecord(COLUMNS));
    Record first = row.blank();
    first.setBigint("id", 1L);
    first.setString("value", "one");
    Object[] firstValues = row.values();
    assertThat(firstValues).containsExactly(1L, "one");

    row.blank().setBigint("id", 2L);

    assertThat(row.values()).isSameAs(firstValues).containsExactly(2L, null);
  }

  @Test
  void blankClearsWhatAFailedConversionLeftBehind() {
    RowValues row = new RowValues(new ArrayRecord(COLUMNS));
    row.blank().setString("value", "half converted");

    Record blank = row.blank();

    assertThat(blank.get(0)).isNull();
    assertThat(blank.get(1)).isNull();
  }

  @Test
  void aRecordThatOnlyHandsOutCopiesOfItsValuesIsRefused() {
    Record copying = new ArrayRecord(COLUMNS) {
      @Override
      public Object[] toArray() {
        return super.toArray().clone();
      }
    };

    assertThatThrownBy(() -> new RowValues(copying)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not expose its values");
  }
}
