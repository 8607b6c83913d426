package dev.mcsink.localmc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {

  @Test
  void readsTheThreeSpellingsTheSdkSends() {
    Map<String, String> expected = Map.of("pt", "07-13-2023 21:13", "dt", "x");
    assertThat(PartitionSpec.parse("pt='07-13-2023 21:13',dt='x'").values()).isEqualTo(expected);
    assertThat(PartitionSpec.parse("pt=07-13-2023 21:13,dt=x").values()).isEqualTo(expected);
    assertThat(PartitionSpec.parse("PT=07-13-2023 21:13/dt=x").values()).isEqualTo(expected);
  }

  @Test
  void quotedValuesMayHoldSeparators() {
    assertThat(PartitionSpec.parse("pt='a,b/c'").values()).containsEntry("pt", "a,b/c");
  }

  @Test
  void printsPathAndQuotedForms() {
    PartitionSpec spec = PartitionSpec.parse("pt=1,dt=2");
    assertThat(spec.toPathName()).isEqualTo("pt=1/dt=2");
    assertThat(spec.toQuotedSpec()).isEqualTo("pt='1',dt='2'");
    assertThat(PartitionSpec.parse("").isEmpty()).isTrue();
  }
}
