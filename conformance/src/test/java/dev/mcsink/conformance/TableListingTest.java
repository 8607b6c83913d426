package dev.mcsink.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.odps.Odps;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableFilter;
import dev.mcsink.localmc.junit.LocalMaxComputeExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Table listings ({@code GET /projects/{p}/tables?expectmarker=true[&extended][&name=]}) as the SDK
 * pages through them, and the tenant and function listings tools read beside them.
 */
class TableListingTest {
  private static final String OTHER = "listing_other";

  @RegisterExtension
  static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension(b -> b.project("listing_main").project(OTHER));

  private final Odps odps = SdkClients.odps(MC.service());

  @BeforeAll
  static void createTables() throws Exception {
    SqlRunner sql = new SqlRunner(SdkClients.odps(MC.service()));
    sql.execute("CREATE TABLE listed_a (id BIGINT) COMMENT 'first';");
    sql.execute("CREATE TABLE listed_b (id BIGINT, pt_value STRING) PARTITIONED BY (pt STRING);");
    sql.execute("CREATE TABLE other_name (id BIGINT);");
    sql.execute("CREATE TABLE " + OTHER + ".elsewhere (id BIGINT);");
  }

  @Test
  void listsEveryTableOfTheProjectAndNoOther() {
    assertThat(names(odps.tables().iterator())).containsExactlyInAnyOrder("listed_a", "listed_b", "other_name");
    assertThat(names(odps.tables().iterator(OTHER))).containsExactly("elsewhere");
  }

  @Test
  void aNameFilterIsAPrefix() {
    TableFilter filter = new TableFilter();
    filter.setName("listed_");

    assertThat(names(odps.tables().iterator(filter))).containsExactlyInAnyOrder("listed_a", "listed_b");
  }

  @Test
  void extendedListingsCarryTypeAndCommentWithoutAReload() {
    Table listed = only(odps.tables().iterator(odps.getDefaultProject(), filter("listed_a"), true));

    assertThat(listed.getComment()).isEqualTo("first");
    assertThat(listed.isVirtualView()).isFalse();
    assertThat(listed.getOwner()).isNotEmpty();
  }

  @Test
  void aListedTableLoadsItsSchemaOnDemand() {
    Table listed = only(odps.tables().iterator(filter("listed_b")));

    assertThat(listed.getSchema().getColumns()).extracting(c -> c.getName()).containsExactly("id", "pt_value");
    assertThat(listed.getSchema().getPartitionColumns()).extracting(c -> c.getName()).containsExactly("pt");
    assertThat(listed.getCreatedTime()).isNotNull();
  }

  /** The SDK's iterator asks for one page; a client asking for small pages follows the marker to the end. */
  @Test
  void smallPagesFollowTheMarkerToTheEnd() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    String marker = "";
    do {
      Map<String, String> params = new HashMap<>();
      params.put("expectmarker", "true");
      params.put("maxitems", "2");
      params.put("marker", marker);
      String xml = new String(odps.getRestClient().request("/projects/" + odps.getDefaultProject() + "/tables", "GET",
          params, null, null).getBody(), StandardCharsets.UTF_8);
      Matcher name = Pattern.compile("<Name>([^<]*)</Name>").matcher(xml);
      int before = names.size();
      while (name.find()) {
        names.add(name.group(1));
      }
      pages.add(String.valueOf(names.size() - before));
      Matcher next = Pattern.compile("<Marker>([^<]*)</Marker>").matcher(xml);
      marker = next.find() ? next.group(1) : "";
    } while (!marker.isEmpty());

    assertThat(pages).containsExactly("2", "1");
    assertThat(names).containsExactlyInAnyOrder("listed_a", "listed_b", "other_name");
  }

  @Test
  void listingAnUnknownProjectFails() {
    Iterator<Table> tables = odps.tables().iterator("no_such_project");

    assertThatThrownBy(tables::hasNext).hasMessageContaining("Project not found");
  }

  @Test
  void theTenantHasTwoTierNames() {
    assertThat(odps.tenant().getProperty("odps.namespace.schema")).isEqualTo("false");
  }

  @Test
  void thereAreNoUserDefinedFunctions() {
    assertThat(odps.functions().iterator().hasNext()).isFalse();
  }

  private static TableFilter filter(String prefix) {
    TableFilter filter = new TableFilter();
    filter.setName(prefix);
    return filter;
  }

  private static Table only(Iterator<Table> tables) {
    assertThat(tables.hasNext()).isTrue();
    Table table = tables.next();
    assertThat(tables.hasNext()).isFalse();
    return table;
  }

  private static List<String> names(Iterator<Table> tables) {
    List<String> names = new ArrayList<>();
    tables.forEachRemaining(t -> names.add(t.getName()));
    return names;
  }
}
