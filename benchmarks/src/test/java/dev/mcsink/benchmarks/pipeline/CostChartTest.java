package dev.mcsink.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostChartTest {
  @TempDir
  Path dir;

  @Test
  void aReportBecomesAPictureOfBarsPerDataSetAndPath() throws Exception {
    Path report = Files.writeString(dir.resolve("report.json"), "{\"dataSets\": ["
        + "{\"format\": \"TEXT\", \"partitions\": 1, \"floor\": {\"cpuSecondsPerMillionRecords\": 2.4},"
        + " \"connectors\": [{\"connector\": \"this\", \"path\": \"batch\", \"cpuSecondsPerMillionRecords\": 4.9},"
        + " {\"connector\": \"this\", \"path\": \"stream\", \"cpuSecondsPerMillionRecords\": 5.9},"
        + " {\"connector\": \"before\", \"path\": \"batch\", \"cpuSecondsPerMillionRecords\": 6.1}]},"
        + "{\"format\": \"JSON\", \"partitions\": 16, \"floor\": {\"cpuSecondsPerMillionRecords\": 2.7},"
        + " \"connectors\": [{\"connector\": \"this\", \"path\": \"batch\", \"cpuSecondsPerMillionRecords\": 7.0}]}]}");
    Path png = dir.resolve("cost.png");

    CostChart.write(report, png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG").isNotNull();
    assertThat(image.getWidth()).isEqualTo(CostChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(CostChart.HEIGHT);
  }
}
