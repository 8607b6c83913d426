package dev.mcsink.localmc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest {

  @Test
  void aFailureRuleHitsItsRouteTheGivenNumberOfTimes() {
    Faults faults = new Faults();
    faults.fail(RouteNames.UPLOAD_BLOCK, 503, 2);
    assertThat(faults.apply(RouteNames.UPLOAD_COMMIT).failStatus()).isEmpty();
    assertThat(faults.apply(RouteNames.UPLOAD_BLOCK).failStatus()).contains(503);
    assertThat(faults.apply(RouteNames.UPLOAD_BLOCK).failStatus()).contains(503);
    assertThat(faults.apply(RouteNames.UPLOAD_BLOCK).failStatus()).isEmpty();
    assertThat(faults.rules()).isEmpty();
  }

  @Test
  void foreverRulesLastUntilCleared() {
    Faults faults = new Faults();
    faults.delay("*", Duration.ofMillis(5), Faults.FOREVER);
    for (int i = 0; i < 10; i++) {
      assertThat(faults.apply("anything").latency()).isEqualTo(Duration.ofMillis(5));
    }
    faults.clear();
    assertThat(faults.apply("anything").latency()).isZero();
  }

  @Test
  void aDropIsNotAlsoAFailure() {
    Faults faults = new Faults();
    faults.drop(RouteNames.STREAM_WRITE, 1);
    faults.fail(RouteNames.STREAM_WRITE, 500, 1);
    Faults.Applied first = faults.apply(RouteNames.STREAM_WRITE);
    assertThat(first.drop()).isTrue();
    assertThat(first.failStatus()).isEmpty();
    assertThat(faults.apply(RouteNames.STREAM_WRITE).failStatus()).contains(500);
  }
}
