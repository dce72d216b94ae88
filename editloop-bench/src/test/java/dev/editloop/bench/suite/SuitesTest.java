package dev.editloop.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuitesTest {
    @Test
    void listsTheSuitesInAFixedOrder() {
        assertThat(Suites.all()).extracting(Suite::name).containsExactly("gedit", "imgedit", "kris", "rise", "jsonl");
        assertThat(Suites.names()).containsExactly("gedit", "imgedit", "kris", "rise", "jsonl");
        assertThat(Suites.all()).extracting(Suite::protocol).containsExactly("vie", "imgedit", "kris", "rise", "vie");
    }

    @Test
    void findsASuiteByNameAndNamesTheKnownOnesOtherwise() {
        assertThat(Suites.get("rise")).isInstanceOf(RiseSuite.class);
        assertThat(Suites.get(" GEdit ")).isInstanceOf(GEditSuite.class);
        assertThatThrownBy(() -> Suites.get("geditt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown suite \"geditt\"; known suites: gedit, imgedit, kris, rise, jsonl");
    }

    private static BenchCase kase(String id, String category) {
        return new BenchCase("kris", id, category, "do it", Path.of("x.png"), null, null, Map.of());
    }

    @Test
    void summarisesCasesPerCategoryAndWhatWasSkipped() {
        SuiteData data = new SuiteData(
                "kris",
                List.of(kase("a/1", "a"), kase("b/1", "b"), kase("a/2", "a")),
                "hash",
                Map.of("m/1", KrisSuite.MULTI_IMAGE_REASON));

        assertThat(SuiteSummary.lines(data))
                .containsExactly(
                        "kris: 3 cases: a 2, b 1; skipped 1",
                        "  skipped 1 (needs several source images; no editor port takes them yet): m/1");
        assertThat(SuiteSummary.render(new SuiteData("rise", List.of(kase("t_1", "temporal")), "h", Map.of())))
                .isEqualTo("rise: 1 case: temporal 1; skipped 0");
    }

    @Test
    void theCatalogShowsEverySuiteWithItsLayout() {
        String catalog = SuiteSummary.catalog();
        for (Suite suite : Suites.all()) {
            assertThat(catalog).contains(suite.name() + ": " + suite.description());
            assertThat(suite.layout().lines())
                    .allSatisfy(line -> assertThat(catalog).contains("    " + line));
        }
        assertThat(catalog).contains("data_total.json", "basic_edit.json", "annotation.json", "*.parquet", ".jsonl");
    }
}
