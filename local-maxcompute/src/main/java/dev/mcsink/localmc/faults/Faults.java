package dev.mcsink.localmc.faults;

/** Placeholder; replaced by the fault injector. */
public final class Faults {
}
