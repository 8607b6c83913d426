package dev.mcsink.localmc.storage;

import dev.mcsink.localmc.types.PartitionSpec;
import dev.mcsink.localmc.types.TableId;
import dev.mcsink.localmc.types.TableProperties;
import dev.mcsink.localmc.types.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog tables, in the same DuckDB database as the rows so that DDL, data and statistics
 * commit together. Partitions are keyed by a JSON object of their values in declared order (any
 * character may appear in a value, so the {@code pt=v/dt=w} form would be ambiguous).
 */
final class CatalogStore {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private CatalogStore() {}

  static String specKey(PartitionSpec spec) {
    return writeJson(spec.values());
  }

  static PartitionSpec parseSpec(String key) {
    try {
      java.util.LinkedHashMap<String, String> values = JSON.readValue(key,
          new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {});
      return PartitionSpec.of(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Corrupt partition key in the catalog: " + key, e);
    }
  }

  static void createSchema(Connection c) throws SQLException {
    for (String ddl : List.of(
        "CREATE SCHEMA IF NOT EXISTS mc",
        "CREATE SCHEMA IF NOT EXISTS data",
        "CREATE TABLE IF NOT EXISTS mc.projects(name VARCHAR, created BIGINT, comment VARCHAR)",
        "CREATE TABLE IF NOT EXISTS mc.tables(tid BIGINT, project VARCHAR, schema_name VARCHAR, name VARCHAR,"
            + " schema_json VARCHAR, comment VARCHAR, lifecycle BIGINT, created BIGINT, last_ddl BIGINT,"
            + " last_modified BIGINT, record_count BIGINT, size_bytes BIGINT)",
        // Added with Delta tables; databases written before get the columns with plain-table values.
        "ALTER TABLE mc.tables ADD COLUMN IF NOT EXISTS transactional BOOLEAN DEFAULT false",
        "ALTER TABLE mc.tables ADD COLUMN IF NOT EXISTS primary_key VARCHAR DEFAULT '[]'",
        "ALTER TABLE mc.tables ADD COLUMN IF NOT EXISTS bucket_num BIGINT DEFAULT 0",
        "CREATE TABLE IF NOT EXISTS mc.partitions(tid BIGINT, spec VARCHAR, created BIGINT, last_ddl BIGINT,"
            + " last_modified BIGINT, record_count BIGINT, size_bytes BIGINT)",
        "CREATE TABLE IF NOT EXISTS mc.stages(upload_id VARCHAR, tid BIGINT, spec VARCHAR, overwrite BOOLEAN,"
            + " created BIGINT)",
        // the number of data columns when the upload began: its schema (columns are only ever added)
        "ALTER TABLE mc.stages ADD COLUMN IF NOT EXISTS column_count BIGINT",
        "CREATE TABLE IF NOT EXISTS mc.blocks(upload_id VARCHAR, block_id BIGINT, record_count BIGINT,"
            + " raw_size BIGINT, created BIGINT)",
        // the block's record stream (BlockFiles); NULL for blocks staged as rows by earlier versions
        "ALTER TABLE mc.blocks ADD COLUMN IF NOT EXISTS file VARCHAR",
        // MaxCompute's SIZE(array|map); DuckDB has len() for lists and cardinality() for maps only.
        "CREATE OR REPLACE MACRO size(x) AS CASE WHEN x IS NULL THEN NULL"
            + " WHEN json_type(to_json(x)) = 'ARRAY' THEN CAST(json_array_length(to_json(x)) AS BIGINT)"
            + " ELSE CAST(len(json_keys(to_json(x))) AS BIGINT) END")) {
      DuckDbConnections.execute((org.duckdb.DuckDBConnection) c, ddl);
    }
  }

  // ---- projects ----

  static Optional<ProjectInfo> project(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name, created, comment FROM mc.projects WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new ProjectInfo(rs.getString(1), rs.getLong(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  static void insertProject(Connection c, String name, long now) throws SQLException {
    update(c, "INSERT INTO mc.projects VALUES (?, ?, '')", name, now);
  }

  // ---- tables ----

  static void insertTable(Connection c, TableMeta t, long now) throws SQLException {
    update(c, "INSERT INTO mc.tables (tid, project, schema_name, name, schema_json, comment, lifecycle, created,"
        + " last_ddl, last_modified, record_count, size_bytes, transactional, primary_key, bucket_num)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)", t.tid, t.id.project(),
        t.id.schema(), t.id.table(), SchemaJson.write(t.schema), t.comment, t.lifecycleDays, now, now, now,
        t.properties.transactional(), writeJson(t.properties.primaryKey()), t.properties.bucketNum());
  }

  static void deleteTable(Connection c, long tid) throws SQLException {
    update(c, "DELETE FROM mc.blocks WHERE upload_id IN (SELECT upload_id FROM mc.stages WHERE tid = ?)", tid);
    update(c, "DELETE FROM mc.stages WHERE tid = ?", tid);
    update(c, "DELETE FROM mc.partitions WHERE tid = ?", tid);
    update(c, "DELETE FROM mc.tables WHERE tid = ?", tid);
  }

  /** All tables, with the next sequence number of each read from its rows. */
  static List<TableMeta> loadTables(Connection c) throws SQLException {
    List<TableMeta> tables = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT tid, project, schema_name, name, schema_json, comment, lifecycle, transactional, primary_key,"
            + " bucket_num FROM mc.tables ORDER BY tid");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        tables.add(new TableMeta(rs.getLong(1), new TableId(rs.getString(2), rs.getString(3), rs.getString(4)),
            SchemaJson.read(rs.getString(5)), properties(rs.getBoolean(8), rs.getString(9), rs.getLong(10)),
            rs.getString(6), rs.getLong(7), 0));
      }
    }
    for (TableMeta t : tables) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT coalesce(max(" + TableMeta.SEQ_COLUMN + ") + 1, 0) FROM " + t.dataTable());
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        t.nextSeq = rs.getLong(1);
      }
    }
    return tables;
  }

  private static TableProperties properties(boolean transactional, String primaryKeyJson, long bucketNum) {
    try {
      List<String> key = JSON.readValue(primaryKeyJson == null ? "[]" : primaryKeyJson,
          new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
      return new TableProperties(transactional, key, (int) bucketNum);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Corrupt primary key in the catalog: " + primaryKeyJson, e);
    }
  }

  private static String writeJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static TableInfo tableInfo(Connection c, TableMeta t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT created, last_ddl, last_modified, record_count,"
        + " size_bytes FROM mc.tables WHERE tid = ?")) {
      ps.setLong(1, t.tid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Table " + t.id + " does not exist");
        }
        return new TableInfo(t.id, t.schema, t.comment, t.lifecycleDays, rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5), t.properties);
      }
    }
  }

  /** Adds written rows to the table's statistics and stamps its modification time. */
  static void addToTable(Connection c, long tid, long rows, long bytes, long now) throws SQLException {
    update(c, "UPDATE mc.tables SET record_count = record_count + ?, size_bytes = size_bytes + ?,"
        + " last_modified = ? WHERE tid = ?", rows, bytes, now, tid);
  }

  static void updateSchema(Connection c, long tid, TableSchema schema, long now) throws SQLException {
    update(c, "UPDATE mc.tables SET schema_json = ?, last_ddl = ? WHERE tid = ?", SchemaJson.write(schema), now, tid);
  }

  static void touchTableDdl(Connection c, long tid, long now) throws SQLException {
    update(c, "UPDATE mc.tables SET last_ddl = ? WHERE tid = ?", now, tid);
  }

  // ---- partitions ----

  static void insertPartition(Connection c, long tid, PartitionSpec spec, long now) throws SQLException {
    update(c, "INSERT INTO mc.partitions VALUES (?, ?, ?, ?, ?, 0, 0)", tid, specKey(spec), now, now, now);
  }

  static Optional<PartitionInfo> partition(Connection c, long tid, PartitionSpec spec) throws SQLException {
    List<PartitionInfo> found = partitions(c, tid, " AND spec = ?", specKey(spec));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  static List<PartitionInfo> partitions(Connection c, long tid) throws SQLException {
    return partitions(c, tid, "");
  }

  private static List<PartitionInfo> partitions(Connection c, long tid, String condition, Object... params)
      throws SQLException {
    List<PartitionInfo> partitions = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT spec, created, last_ddl, last_modified, record_count,"
        + " size_bytes FROM mc.partitions WHERE tid = ?" + condition + " ORDER BY spec")) {
      ps.setLong(1, tid);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 2, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          partitions.add(new PartitionInfo(parseSpec(rs.getString(1)), rs.getLong(2), rs.getLong(3),
              rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
      }
    }
    return partitions;
  }

  /** @return whether the partition exists (its entry was updated) */
  static boolean addToPartition(Connection c, long tid, PartitionSpec spec, long rows, long bytes, long now)
      throws SQLException {
    return 1 == update(c, "UPDATE mc.partitions SET record_count = record_count + ?, size_bytes = size_bytes + ?,"
        + " last_modified = ? WHERE tid = ? AND spec = ?", rows, bytes, now, tid, specKey(spec));
  }

  static void deletePartition(Connection c, long tid, PartitionSpec spec) throws SQLException {
    update(c, "DELETE FROM mc.partitions WHERE tid = ? AND spec = ?", tid, specKey(spec));
  }

  /** Zeroes the statistics of the table's partitions matching {@code specPrefix} (all when empty). */
  static void clearPartitions(Connection c, long tid, PartitionSpec spec, long now) throws SQLException {
    if (spec.isEmpty()) {
      update(c, "UPDATE mc.partitions SET record_count = 0, size_bytes = 0, last_modified = ? WHERE tid = ?",
          now, tid);
    } else {
      update(c, "UPDATE mc.partitions SET record_count = 0, size_bytes = 0, last_modified = ?"
          + " WHERE tid = ? AND spec = ?", now, tid, specKey(spec));
    }
  }

  // ---- upload stages ----

  /** @param columnCount data columns of the upload's schema; 0 for stages of before it was kept (all) */
  record StageRow(String uploadId, long tid, PartitionSpec spec, boolean overwrite, int columnCount) {}

  static void insertStage(Connection c, String uploadId, long tid, PartitionSpec spec, boolean overwrite,
      int columnCount, long now) throws SQLException {
    update(c, "INSERT INTO mc.stages (upload_id, tid, spec, overwrite, created, column_count)"
        + " VALUES (?, ?, ?, ?, ?, ?)", uploadId, tid, specKey(spec), overwrite, now, columnCount);
  }

  static Optional<StageRow> stage(Connection c, String uploadId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT upload_id, tid, spec, overwrite, coalesce(column_count, 0) FROM mc.stages WHERE upload_id = ?")) {
      ps.setString(1, uploadId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new StageRow(rs.getString(1), rs.getLong(2), parseSpec(rs.getString(3)),
                rs.getBoolean(4), rs.getInt(5)))
            : Optional.empty();
      }
    }
  }

  static List<String> uploadIds(Connection c, long tid) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT upload_id FROM mc.stages WHERE tid = ?")) {
      ps.setLong(1, tid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  static void deleteStage(Connection c, String uploadId) throws SQLException {
    update(c, "DELETE FROM mc.blocks WHERE upload_id = ?", uploadId);
    update(c, "DELETE FROM mc.stages WHERE upload_id = ?", uploadId);
  }

  static List<BlockInfo> blocks(Connection c, String uploadId) throws SQLException {
    List<BlockInfo> blocks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT block_id, record_count, raw_size, created"
        + " FROM mc.blocks WHERE upload_id = ? ORDER BY block_id")) {
      ps.setString(1, uploadId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          blocks.add(new BlockInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return blocks;
  }

  static void insertBlock(Connection c, String uploadId, BlockInfo block, String file) throws SQLException {
    update(c, "INSERT INTO mc.blocks (upload_id, block_id, record_count, raw_size, created, file)"
        + " VALUES (?, ?, ?, ?, ?, ?)", uploadId, block.blockId(), block.recordCount(), block.rawSizeBytes(),
        block.createTimeMillis(), file);
  }

  /** The file of each block of the upload (null for a block staged as rows by an earlier version). */
  static Map<Long, String> blockFiles(Connection c, String uploadId) throws SQLException {
    Map<Long, String> files = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT block_id, file FROM mc.blocks WHERE upload_id = ?")) {
      ps.setString(1, uploadId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return files;
  }

  /** The file of every block of every upload. */
  static List<BlockFiles.BlockFile> allBlockFiles(Connection c) throws SQLException {
    List<BlockFiles.BlockFile> files = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT upload_id, file FROM mc.blocks WHERE file IS NOT NULL");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        files.add(new BlockFiles.BlockFile(rs.getString(1), rs.getString(2)));
      }
    }
    return files;
  }

  static void deleteBlock(Connection c, String uploadId, long blockId) throws SQLException {
    update(c, "DELETE FROM mc.blocks WHERE upload_id = ? AND block_id = ?", uploadId, blockId);
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }
}
