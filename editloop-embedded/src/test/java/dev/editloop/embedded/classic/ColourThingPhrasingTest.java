package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thing named by what it looks like: the colour (and a place, when one is named) does the selecting, the words that
 * name the thing ("mug and plate", "of the lemon", "sticker on his laptop") are read as its name and never recognised.
 * A thing named without a colour or a place stays not understood. Phrasings are this test's own.
 */
class ColourThingPhrasingTest {
    private static List<Action> understood(String instruction) {
        ParsedInstruction parsed = Instructions.parse(Spelling.read(instruction).text());
        assertThat(parsed.notUnderstood())
                .as("left over from \"%s\"", instruction)
                .isEmpty();
        return parsed.actions();
    }

    private static NamedColor c(String name) {
        return NamedColor.of(name);
    }

    private static Action.Recolor thing(String from, String to) {
        return new Action.Recolor(c(from), c(to), Region.WHOLE, true);
    }

    @Test
    void aThingOfSeveralWordsIsTheThingOfItsColour() {
        assertThat(understood("turn the red mug and plate blue")).containsExactly(thing("red", "blue"));
        assertThat(understood("make the yellow of the lemon purple")).containsExactly(thing("yellow", "purple"));
    }

    @Test
    void stripesOrAPartSaidToBeOnAThingAreTheAreasOfTheColour() {
        // the thing they are on cannot be found, and the largest thing of the colour would be another one (the
        // astronaut's red-orange suit for "the red stripes of the flag")
        assertThat(understood("change the white stripes of the banner to gold"))
                .containsExactly(new Action.Recolor(c("white"), c("gold")));
        assertThat(understood("paint the blue part of the kite orange"))
                .containsExactly(new Action.Recolor(c("blue"), c("orange")));
        assertThat(understood("make the red stripes blue")).containsExactly(new Action.Recolor(c("red"), c("blue")));
    }

    @Test
    void theColourToLeaveMayComeAfterTheOneToReach() {
        assertThat(understood("could you paint the bowl green instead of blue"))
                .containsExactly(thing("blue", "green"));
        assertThat(understood("make the scarf teal rather than pink")).containsExactly(thing("pink", "teal"));
    }

    @Test
    void coloursAloneOrInThePluralAreEveryAreaOfTheColour() {
        assertThat(understood("turn the blues into oranges"))
                .containsExactly(new Action.Recolor(c("blue"), c("orange")));
        assertThat(understood("replace pink with teal")).containsExactly(new Action.Recolor(c("pink"), c("teal")));
    }

    @Test
    void aPlaceNarrowsTheSearch() {
        assertThat(understood("recolour the green chair in the top left corner red"))
                .containsExactly(new Action.Recolor(c("green"), c("red"), Region.TOP_LEFT, true));
        assertThat(understood("remove the orange cone in the bottom left corner"))
                .containsExactly(new Action.RemoveColored(c("orange"), Region.BOTTOM_LEFT));
        assertThat(understood("get rid of the dark blob in the top right corner"))
                .containsExactly(new Action.RemoveColored(c("black"), Region.TOP_RIGHT));
    }

    @Test
    void everyRemovalVerbReadsTheSame() {
        for (String verb : List.of("take out", "get rid of", "erase", "delete", "remove")) {
            assertThat(understood(verb + " the purple kite"))
                    .as(verb)
                    .containsExactly(new Action.RemoveColored(c("purple")));
        }
        assertThat(understood("erase the yellow sticker on his laptop"))
                .containsExactly(new Action.RemoveColored(c("yellow")));
    }

    @Test
    void aMisspelledThingWordDoesNotBreakTheColourReading() {
        assertThat(understood("paint the red mugg blue")).containsExactly(thing("red", "blue"));
        assertThat(understood("take out the green botle")).containsExactly(new Action.RemoveColored(c("green")));
    }

    @Test
    void wordsOfOtherActionsAreNotEatenAsTheThingsName() {
        assertThat(understood("make the red mug blue and brighter"))
                .containsExactly(thing("red", "blue"), new Action.Adjust(Action.Tone.BRIGHTNESS, 25, Region.WHOLE));
    }

    @Test
    void aThingWithoutAColourOrAPlaceIsNotUnderstood() {
        assertThat(Instructions.parse("make the mug blue").notUnderstood()).isNotEmpty();
        assertThat(Instructions.parse("remove the lamp").notUnderstood()).isNotEmpty();
    }

    @Test
    void everyPhraseReadsBackIntoItsAction() {
        for (Action action : List.of(
                thing("red", "blue"),
                new Action.Recolor(c("green"), c("white"), Region.BOTTOM_RIGHT, true),
                new Action.RemoveColored(c("black"), Region.TOP_LEFT),
                new Action.RemoveColored(c("pink")))) {
            assertThat(understood(action.phrase())).as(action.phrase()).containsExactly(action);
        }
    }
}
