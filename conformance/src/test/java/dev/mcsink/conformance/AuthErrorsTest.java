package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Column;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.type.TypeInfoFactory;
import dev.mcsink.localmc.LocalMaxCompute;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rejections the SDK surfaces: bad credentials on every path, and rows that do not fit the table. */
class AuthErrorsTest {
  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();

  private static final String TABLE = UniqueNames.table("guarded");
  private static final String NARROW = UniqueNames.table("narrow");

  private static Odps odps;

  @BeforeAll
  static void createTables() throws Exception {
    odps = SdkClients.odps(MC.service());
    SqlRunner sql = new SqlRunner(odps);
    sql.execute("CREATE TABLE " + TABLE + " (id BIGINT);");
    sql.execute("CREATE TABLE " + NARROW + " (id BIGINT, code VARCHAR(10), flag CHAR(3), amount DECIMAL(10,2));");
  }

  @Test
  void wrongAccessKeyIsRejectedByTheRestApi() {
    Odps intruder = wrongKey();

    assertThatThrownBy(() -> intruder.projects().get(intruder.getDefaultProject()).reload())
        .isInstanceOfSatisfying(OdpsException.class, AuthErrorsTest::assertUnauthorized);
    assertThatThrownBy(() -> intruder.tables().get(TABLE).reload())
        .isInstanceOfSatisfying(OdpsException.class, AuthErrorsTest::assertUnauthorized);
  }

  @Test
  void unknownAccessIdIsRejected() {
    LocalMaxCompute mc = MC.service();
    Odps stranger = SdkClients.odps(mc, "unknown-access-id", mc.accessKey(), mc.projects().get(0));

    assertThatThrownBy(() -> stranger.projects().get(stranger.getDefaultProject()).reload())
        .isInstanceOfSatisfying(OdpsException.class, AuthErrorsTest::assertUnauthorized);
  }

  @Test
  void wrongAccessKeyCannotRunSql() throws Exception {
    Odps intruder = wrongKey();

    assertThatThrownBy(() -> SQLTask.run(intruder, "DROP TABLE " + TABLE + ";").waitForSuccess(50))
        .isInstanceOfSatisfying(OdpsException.class, AuthErrorsTest::assertUnauthorized);
    assertThat(odpsTableExists(TABLE)).as("the table survived").isTrue();
  }

  @Test
  void wrongAccessKeyIsRejectedByTheTunnel() {
    Odps intruder = wrongKey();
    TableTunnel direct = SdkClients.tunnel(intruder, MC.service());

    assertThatThrownBy(() -> direct.createUploadSession(intruder.getDefaultProject(), TABLE))
        .isInstanceOfSatisfying(TunnelException.class, AuthErrorsTest::assertUnauthorized);
    assertThatThrownBy(() -> direct.createDownloadSession(intruder.getDefaultProject(), TABLE))
        .isInstanceOfSatisfying(TunnelException.class, AuthErrorsTest::assertUnauthorized);
    assertThatThrownBy(() -> direct.buildStreamUploadSession(intruder.getDefaultProject(), TABLE).build())
        .isInstanceOfSatisfying(TunnelException.class, AuthErrorsTest::assertUnauthorized);
  }

  @Test
  void wrongAccessKeyFailsTunnelEndpointDiscovery() {
    Odps intruder = wrongKey();

    assertThatThrownBy(() -> SdkClients.tunnel(intruder).createUploadSession(intruder.getDefaultProject(), TABLE))
        .isInstanceOf(TunnelException.class)
        .satisfies(e -> assertThat(statusInChain(e)).isIn(401, 403));
  }

  @Test
  void varcharLongerThanTheColumnIsRefused() throws Exception {
    // The SDK checks lengths against the record's own columns, so a record built from a wider
    // hand-made schema reaches the server, which must check against the table.
    TableSchema wider = narrowTableWith(new Column("code", TypeInfoFactory.getVarcharTypeInfo(100)),
        new Column("flag", TypeInfoFactory.getCharTypeInfo(3)), new Column("amount", TypeInfoFactory.getDecimalTypeInfo(10, 2)));
    ArrayRecord record = new ArrayRecord(wider);
    record.set(0, 1L);
    record.set(1, new Varchar("much longer than ten characters"));

    assertRejectedBlock(record, "code");
  }

  @Test
  void charLongerThanTheColumnIsRefused() throws Exception {
    TableSchema wider = narrowTableWith(new Column("code", TypeInfoFactory.getVarcharTypeInfo(10)),
        new Column("flag", TypeInfoFactory.getCharTypeInfo(30)), new Column("amount", TypeInfoFactory.getDecimalTypeInfo(10, 2)));
    ArrayRecord record = new ArrayRecord(wider);
    record.set(0, 2L);
    record.set(2, new Char("too long for three"));

    assertRejectedBlock(record, "flag");
  }

  @Test
  void decimalBeyondThePrecisionIsRefused() throws Exception {
    TableSchema wider = narrowTableWith(new Column("code", TypeInfoFactory.getVarcharTypeInfo(10)),
        new Column("flag", TypeInfoFactory.getCharTypeInfo(3)), new Column("amount", TypeInfoFactory.getDecimalTypeInfo(38, 2)));
    ArrayRecord record = new ArrayRecord(wider);
    record.set(0, 3L);
    record.set(3, new BigDecimal("123456789012345.25"));

    assertRejectedBlock(record, "amount");
  }

  @Test
  void timestampOutsideTheStoredRangeIsRefusedNamingTheColumn() throws Exception {
    String table = UniqueNames.table("far_ts");
    new SqlRunner(odps).execute("CREATE TABLE " + table + " (id BIGINT, ts TIMESTAMP);");
    TableTunnel.UploadSession session = SdkClients.tunnel(odps).createUploadSession(odps.getDefaultProject(), table);
    ArrayRecord record = (ArrayRecord) session.newRecord();
    record.set(0, 1L);
    record.setTimestampAsInstant(1, java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"));

    assertThatThrownBy(() -> {
      try (RecordWriter writer = session.openRecordWriter(0)) {
        writer.write(record);
      }
    }).isInstanceOf(IOException.class)
        .satisfies(e -> {
          TunnelException cause = tunnelCause(e);
          assertThat(cause.getStatus()).isBetween(400, 499);
          assertThat(cause.getMessage()).contains("ts").contains("range");
        });
  }

  @Test
  void fittingRowOfTheSameTableIsAccepted() throws Exception {
    TableTunnel tunnel = SdkClients.tunnel(odps);
    TableTunnel.UploadSession session = tunnel.createUploadSession(odps.getDefaultProject(), NARROW);
    try (RecordWriter writer = session.openRecordWriter(0)) {
      writer.write(TunnelRows.record(session.newRecord(),
          new Object[] {4L, new Varchar("0123456789"), new Char("abc"), new BigDecimal("12345678.99")}));
    }
    session.commit(new Long[] {0L});

    assertThat(new SqlRunner(odps).query("SELECT code, flag, amount FROM " + NARROW + " WHERE id = 4;"))
        .hasSize(1)
        .first().satisfies(row -> {
          assertThat(row.get(0)).isEqualTo("0123456789");
          assertThat(row.get(1)).isEqualTo("abc");
          assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo("12345678.99");
        });
  }

  private static void assertRejectedBlock(ArrayRecord record, String column) throws Exception {
    TableTunnel tunnel = SdkClients.tunnel(odps);
    TableTunnel.UploadSession session = tunnel.createUploadSession(odps.getDefaultProject(), NARROW);

    assertThatThrownBy(() -> {
      try (RecordWriter writer = session.openRecordWriter(0)) {
        writer.write(record);
      }
    }).isInstanceOf(IOException.class)
        .satisfies(e -> {
          TunnelException cause = tunnelCause(e);
          assertThat(cause).as("TunnelException in the cause chain").isNotNull();
          assertThat(cause.getStatus()).isBetween(400, 499);
          assertThat(cause.getMessage()).containsIgnoringCase(column);
        });
    assertThat(session.getBlockList()).as("a rejected block is not stored").isEmpty();
  }

  private static TableSchema narrowTableWith(Column code, Column flag, Column amount) {
    TableSchema schema = new TableSchema();
    schema.addColumn(new Column("id", TypeInfoFactory.BIGINT));
    schema.addColumn(code);
    schema.addColumn(flag);
    schema.addColumn(amount);
    return schema;
  }

  private static Odps wrongKey() {
    LocalMaxCompute mc = MC.service();
    return SdkClients.odps(mc, mc.accessId(), mc.accessKey() + "-wrong", mc.projects().get(0));
  }

  private static boolean odpsTableExists(String table) throws OdpsException {
    return odps.tables().exists(table);
  }

  /** Some SDK calls (a table reload after a project check) rethrow without the status: look down the chain. */
  private static void assertUnauthorized(OdpsException e) {
    assertThat(statusInChain(e)).as("HTTP status of %s", e).isIn(401, 403);
  }

  private static Integer statusInChain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OdpsException && ((OdpsException) t).getStatus() != null) {
        return ((OdpsException) t).getStatus();
      }
    }
    return null;
  }

  private static TunnelException tunnelCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TunnelException) {
        return (TunnelException) t;
      }
    }
    return null;
  }
}
