package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.Project;
import com.aliyun.odps.task.SQLTask;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Project metadata, tunnel endpoint discovery, and isolation between two projects. */
class ProjectsTest {
  private static final String FIRST = "conformance_one";
  private static final String SECOND = "conformance_two";

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.project(FIRST).project(SECOND));

  private final Odps odps = SdkClients.odps(MC.service());

  @TestFactory
  List<DynamicTest> recordsTheSdkVersionUnderTest() {
    String version = SdkClients.sdkVersion();
    System.out.println("[conformance] official client: com.aliyun.odps:odps-sdk-core:" + version);
    String jar = String.valueOf(Odps.class.getProtectionDomain().getCodeSource().getLocation());
    return List.of(dynamicTest("the client is odps-sdk-core " + version,
        () -> assertThat(jar).contains("odps-sdk-core").contains(version)));
  }

  @Test
  void reloadReadsNameTypeAndCreationTime() throws Exception {
    Instant testStart = Instant.now();
    Project project = odps.projects().get(FIRST);
    project.reload();

    assertThat(project.getName()).isEqualTo(FIRST);
    assertThat(project.getType()).isEqualTo(Project.ProjectType.managed);
    assertThat(project.getCreatedTime()).isNotNull();
    assertThat(project.getCreatedTime().toInstant()).isBefore(testStart.plus(Duration.ofMinutes(1)));
    assertThat(project.getLastModifiedTime()).isNotNull();
  }

  @Test
  void defaultProjectIsTheOneTheClientNames() throws Exception {
    Project project = odps.projects().get();
    project.reload();

    assertThat(project.getName()).isEqualTo(odps.getDefaultProject());
  }

  @Test
  void everyConfiguredProjectExists() throws Exception {
    assertThat(odps.projects().exists(FIRST)).isTrue();
    assertThat(odps.projects().exists(SECOND)).isTrue();
  }

  @Test
  void unknownProjectDoesNotExist() throws Exception {
    assertThat(odps.projects().exists("no_such_project")).isFalse();
    assertThatThrownBy(() -> odps.projects().get("no_such_project").reload())
        .isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void tunnelEndpointIsDiscoveredFromTheProject() throws Exception {
    String endpoint = odps.projects().get(FIRST).getTunnelEndpoint();

    assertThat(endpoint).startsWith(MC.service().tunnelEndpoint());
  }

  @Test
  void tablesOfOneProjectAreInvisibleInTheOther() throws Exception {
    String table = UniqueNames.table("per_project");
    SQLTask.run(odps, SECOND, "CREATE TABLE " + table + " (id BIGINT);", null, null).waitForSuccess(50);

    assertThat(odps.tables().exists(SECOND, table)).isTrue();
    assertThat(odps.tables().exists(FIRST, table)).isFalse();
  }

  @Test
  void aProjectQualifiedNameReachesTheOtherProject() throws Exception {
    String table = UniqueNames.table("qualified");
    new SqlRunner(odps).execute("CREATE TABLE " + SECOND + "." + table + " (id BIGINT);");

    assertThat(odps.tables().exists(SECOND, table)).isTrue();
    assertThat(odps.tables().exists(FIRST, table)).isFalse();
  }
}
