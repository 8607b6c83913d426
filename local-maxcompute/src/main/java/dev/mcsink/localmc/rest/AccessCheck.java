package dev.mcsink.localmc.rest;

/** Verifies who sent a request; throws {@link ServiceException} (401/403) when it may not pass. */
@FunctionalInterface
public interface AccessCheck {
  void verify(OdpsRequest request);
}
