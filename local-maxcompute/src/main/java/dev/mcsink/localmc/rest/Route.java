package dev.mcsink.localmc.rest;

import java.util.function.Supplier;

/**
 * A request matched to what serves it: the route name (for faults and logs), whether it is a tunnel
 * route (errors as JSON rather than XML), whether it needs a signature, and the action.
 */
public record Route(String name, boolean tunnel, boolean signed, Supplier<OdpsResponse> action) {}
