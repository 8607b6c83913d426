package dev.mcsink.localmc.limits;

/** Placeholder; replaced by the per-table limits. */
public final class TableLimits {
}
