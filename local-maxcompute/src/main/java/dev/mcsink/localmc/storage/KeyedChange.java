package dev.mcsink.localmc.storage;

/**
 * One operation of a Delta table's change set: an upsert of a whole row, or a delete of the row
 * whose primary key values {@code row} holds (its other values are ignored). Data-column order.
 */
public record KeyedChange(boolean delete, Object[] row) {
  public static KeyedChange upsert(Object[] row) {
    return new KeyedChange(false, row);
  }

  public static KeyedChange delete(Object[] row) {
    return new KeyedChange(true, row);
  }
}
