package dev.mcsink.reliability.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One run of bin/verify-delivery's entry point against a test's broker and local MaxCompute. */
record VerifyDeliveryRun(int status, String stdout, String stderr) {
  static VerifyDeliveryRun of(String bootstrapServers, String endpoint, String... args) {
    List<String> all = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers, "--endpoint", endpoint));
    all.addAll(Arrays.asList(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VerifyDelivery.run(all.toArray(String[]::new), Map.of(), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
    return new VerifyDeliveryRun(status, out.toString(UTF_8), err.toString(UTF_8));
  }
}
