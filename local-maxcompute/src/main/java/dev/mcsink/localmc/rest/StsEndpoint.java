package dev.mcsink.localmc.rest;

import java.util.Map;

/** The STS AssumeRole endpoint: query and form parameters in, a complete answer out. */
@FunctionalInterface
public interface StsEndpoint {
  OdpsResponse handle(String method, Map<String, String> params);
}
