package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.Usage;
import dev.editloop.core.region.Box;
import dev.editloop.core.region.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thinker may propose a region in its reply, in any of the forms models drift into. */
class RegionReplyTest {
    private final ThinkerReplyParser parser = new ThinkerReplyParser();

    private Critique read(String reply) {
        ThinkerReply r = parser.parse(reply);
        assertThat(r.readable()).as(reply).isTrue();
        return r.toCritique(Usage.NONE);
    }

    private static final String BASE =
            "<think>the sky is grey</think><score>[4, 9]</score><answer>make the sky blue</answer>";

    @Test
    void aRegionTagAfterTheAnswerIsReadAndKeptOutOfTheOtherFields() {
        Critique c = read(BASE + "\n<region>0, 0, 600, 130</region>");
        assertThat(c.region()).containsExactly(new Box(0, 0, 600, 130));
        assertThat(c.refinedInstruction()).isEqualTo("make the sky blue");
        assertThat(c.reasoning()).isEqualTo("the sky is grey");
    }

    @Test
    void severalBoxesFractionsAnUnclosedTagAndNone() {
        assertThat(read(BASE + "<region>0,0,100,50; 200,0,100,50</region>").region())
                .containsExactly(new Box(0, 0, 100, 50), new Box(200, 0, 100, 50));
        assertThat(read(BASE + "<region>0, 0, 1, 0.33").region()).containsExactly(new Box(0, 0, 1, 0.33));
        assertThat(read(BASE + "<region>none</region>").region()).isEmpty();
        assertThat(read(BASE).region()).isEmpty();
    }

    @Test
    void aJsonReplyOrALabelledLineCanCarryTheRegion() {
        Critique json = read("{\"reasoning\": \"grey sky\", \"score\": [4, 9], \"answer\": \"make the sky blue\","
                + " \"region\": {\"x\": 0, \"y\": 0, \"width\": 600, \"height\": 130}}");
        assertThat(json.region()).containsExactly(new Box(0, 0, 600, 130));
        Critique list = read("{\"score\": [4, 9], \"answer\": \"make the sky blue\", \"box\": [[0, 0, 10, 10]]}");
        assertThat(list.region()).containsExactly(new Box(0, 0, 10, 10));
        Critique label = read(BASE + "\nRegion: 10, 20, 30, 40");
        assertThat(label.region()).containsExactly(new Box(10, 20, 30, 40));
    }

    @Test
    void numbersThatAreNotBoxesProposeNothingAndSaySo() {
        ThinkerReply r = parser.parse(BASE + "<region>0, 0, 600</region>");
        assertThat(r.readable()).isTrue();
        assertThat(((ThinkerReply.Readable) r).region()).isEmpty();
        assertThat(((ThinkerReply.Readable) r).notes()).contains("unreadable region");
    }

    @Test
    void fractionsAndPixelsResolveToTheSameRegion() {
        Region a = Region.proposed(List.of(new Box(0, 0, 1, 0.5)), 200, 100);
        Region b = Region.proposed(List.of(new Box(0, 0, 200, 50)), 200, 100);
        assertThat(a).isEqualTo(b);
        assertThat(a.bounds()).containsExactly(0, 0, 200, 50);
        assertThat(Region.proposed(List.of(new Box(500, 500, 10, 10)), 200, 100))
                .isNull();
    }
}
