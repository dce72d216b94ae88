package dev.editloop.core.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's report page as a person reads it: scores at a glance, a large before/after, cards that fit. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    private final Picture source = Picture.solid(320, 200, new Color(40, 80, 120));

    /** Each edit brightens the source a little more. */
    private static Editor brightener() {
        return new Editor() {
            int calls;

            @Override
            public EditResult edit(EditCall call) {
                calls++;
                byte[] bgr = call.image().bgr();
                for (int i = 0; i < bgr.length; i++) {
                    bgr[i] = (byte) Math.min(255, (bgr[i] & 0xff) + 20 * calls);
                }
                return EditResult.of(
                        Picture.ofBgr(call.image().width(), call.image().height(), bgr), List.of());
            }

            @Override
            public String describe() {
                return "test-editor";
            }
        };
    }

    private static Thinker thinker(Critique... critiques) {
        Iterator<Critique> it = List.of(critiques).iterator();
        return new Thinker() {
            @Override
            public Critique critique(CritiqueCall call) {
                return it.next();
            }

            @Override
            public Plan plan(PlanCall call) {
                return new Plan(call.instruction(), List.of(), null, "r", "raw", Usage.NONE);
            }

            @Override
            public String describe() {
                return "test-thinker";
            }
        };
    }

    private static Critique refine(double sc, String next) {
        return new Critique(sc, 9.0, "measured", next, Verdict.REFINE, null, "raw", Usage.NONE);
    }

    private String run(String name, Critique... critiques) throws Exception {
        Path dir = tmp.resolve(name);
        LoopResult result = new LoopEngine(brightener(), thinker(critiques))
                .run(LoopRequest.of(source, "make it brighter"), RunFolder.create(dir));
        assertThat(result.turns()).hasSize(critiques.length);
        return Files.readString(dir.resolve(RunFolder.REPORT));
    }

    private String fiveTurns() throws Exception {
        return run(
                "five",
                refine(2, "brighten by 20%"),
                refine(4, "brighten by 40%"),
                refine(7.5, "brighten by 60%"),
                refine(5, "brighten by 80%"),
                refine(3, "brighten by 30%"));
    }

    @Test
    void aScoreTableShowsEveryTurnAtAGlanceWithTheBestMarked() throws Exception {
        String html = fiveTurns();
        int table = html.indexOf("<table class=\"scores-table\"");
        int firstCard = html.indexOf("<article");
        assertThat(table).as("the table comes before the cards").isPositive().isLessThan(firstCard);
        String rows = html.substring(table, html.indexOf("</table>", table));
        assertThat(count(rows, "<th scope=\"row\">")).isEqualTo(5);
        assertThat(rows).contains("<th scope=\"col\">SC</th>", "<th scope=\"col\">PQ</th>", "overall");
        Matcher best = Pattern.compile("<tr class=\"best\"><th scope=\"row\"><a href=\"#turn-(\\d)\">")
                .matcher(rows);
        assertThat(best.find()).isTrue();
        assertThat(best.group(1)).isEqualTo("3");
        assertThat(best.find()).as("one best row").isFalse();
        assertThat(rows).contains("<td>7.5</td><td>9.0</td><td>8.2</td>");
    }

    @Test
    void aLargeBeforeAfterViewComparesTheSourceWithTheFinalImage() throws Exception {
        String html = fiveTurns();
        assertThat(html).contains("<h2 id=\"ba-title\" class=\"section\">Before and after</h2>");
        assertThat(html).contains("alt=\"before: the source image\"", "alt=\"after: final (turn 3)\"");
        assertThat(html).contains("<input type=\"range\"").contains("<label class=\"slider\">");
        assertThat(html).contains("href=\"final.png\"");
        // the view is wider than a card: its previews keep the source's full 320 px width
        assertThat(html).contains("aspect-ratio:320/200");
    }

    @Test
    void fiveTurnsWrapInsteadOfScrollingSideways() throws Exception {
        String html = fiveTurns();
        assertThat(count(html, "<article class=\"card")).isEqualTo(6);
        assertThat(html)
                .contains(".strip{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,240px),1fr))");
        assertThat(html).doesNotContain("overflow-x").doesNotContain("flex:0 0 auto");
        assertThat(html).doesNotContainPattern("min-width:[3-9]\\d\\dpx");
    }

    @Test
    void theLastCardSaysWhatWasNotTriedInsteadOfNext() throws Exception {
        String html = fiveTurns();
        for (int turn = 1; turn <= 4; turn++) {
            assertThat(card(html, turn)).contains("<b>Next (turn " + (turn + 1) + "):</b>");
        }
        String last = card(html, 5);
        assertThat(last).doesNotContain("Next");
        assertThat(last).contains("Not tried (the run stopped: max_turns):</b> brighten by 30%");

        String success = run(
                "success",
                refine(4, "brighten by 40%"),
                new Critique(9.0, 9.0, "good", "brighten by 40%", Verdict.SUCCESS, null, "raw", Usage.NONE));
        assertThat(card(success, 2)).doesNotContain("Next").doesNotContain("Not tried");
        assertThat(card(success, 1)).contains("<b>Next (turn 2):</b> brighten by 40%");
    }

    @Test
    void onePageWithNothingFromOutsideAndEveryImageDescribed() throws Exception {
        String html = fiveTurns();
        assertThat(html).startsWith("<!doctype html>\n<html lang=\"en\">");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("<link").doesNotContain("<script src");
        Matcher img = Pattern.compile("<img([^>]*)>").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            assertThat(img.group(1)).containsPattern("alt=\"[^\"]{8,}\"").contains("src=\"data:image/jpeg;base64,");
        }
        assertThat(images).as("2 in the before/after, the source and 5 turns").isEqualTo(8);
        assertThat(html).contains("alt=\"the result of turn 4 (turn-4.png)\"");
    }

    @Test
    void whenNoEditIsAcceptedTheViewShowsTheBestTurnMarkedNotAccepted() throws Exception {
        String html = run(
                "rejected",
                refine(1, "brighten by 20%"),
                new Critique(2.0, 9.0, "cannot", null, Verdict.FAILED, null, "raw", Usage.NONE));
        assertThat(html).contains("No edit was accepted");
        assertThat(html).contains("alt=\"after: best turn 2, not accepted\"");
    }

    private static String card(String html, int turn) {
        int start = html.indexOf("id=\"turn-" + turn + "\"");
        assertThat(start).isPositive();
        int end = html.indexOf("</article>", start);
        return html.substring(start, end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
