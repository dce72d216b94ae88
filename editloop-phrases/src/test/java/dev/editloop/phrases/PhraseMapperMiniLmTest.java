package dev.editloop.phrases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.testkit.TestImages;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mapper with the real MiniLM model, on phrasings written for this test (not taken from any corpus). Skipped, with
 * the reason, when the ONNX runtime or the tokenizer cannot load on this machine.
 */
class PhraseMapperMiniLmTest {
    private static PhraseMapper mapper;

    @BeforeAll
    static void load() {
        try {
            mapper = new PhraseMapper(MiniLm.load());
        } catch (RuntimeException e) {
            Assumptions.abort("MiniLM cannot load here, so the mapper cannot be tested on it: " + e.getMessage());
        }
    }

    private static List<Action> read(String request) {
        PhraseMapper.Mapping m = mapper.map(request);
        assertThat(m.changed()).as("mapped: " + request + " → " + m.clauses()).isTrue();
        return InstructionParser.parse(m.mapped()).actions();
    }

    @Test
    void paraphrasesOfAToneStepMapToThatStepTheRightWay() {
        assertThat(read("make everything a touch more luminous"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 10, Region.WHOLE));
        assertThat(read("knock back the colour intensity a lot"))
                .containsExactly(new Action.Adjust(Tone.SATURATION, -50, Region.WHOLE));
        assertThat(read("give it a grainy film texture")).singleElement().isInstanceOf(Action.Stylize.class);
    }

    @Test
    void numbersAndRegionsOfTheClauseAreKept() {
        assertThat(read("tone down how bright it is by 30%"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, -30, Region.WHOLE));
        assertThat(read("pump up the vividness by 40%"))
                .containsExactly(new Action.Adjust(Tone.SATURATION, 40, Region.WHOLE));
        assertThat(read("move all the hues along the colour wheel by 60 degrees"))
                .containsExactly(new Action.Adjust(Tone.HUE, 60, Region.WHOLE));
        assertThat(read("make the left half a touch more luminous"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 10, Region.LEFT_HALF));
    }

    @Test
    void aKeepClauseStaysWordForWord() {
        PhraseMapper.Mapping m = mapper.map("make everything a touch more luminous, but leave the face alone");
        assertThat(m.mapped()).isEqualTo("increase the brightness by 10%, but leave the face alone");
    }

    @Test
    void objectRequestsAreNotTurnedIntoAGrade() {
        for (String request : new String[] {
            "add a small red bicycle by the door",
            "give the cat a collar",
            "give her sunglasses",
            "make the dog look happy",
            "put a santa hat on the man",
            "make everything a touch more luminous and give the cat a collar"
        }) {
            assertThat(mapper.map(request).mapped()).as(request).isEqualTo(request);
        }
    }

    @Test
    void theLoopWithTheMapperInFrontCarriesOutAParaphraseAndStillDeclinesAnObject() {
        Picture cat = TestImages.cat();
        LoopEngine plain = new LoopEngine(new ClassicEditor(), new HeuristicThinker(InstructionParser::parse));
        LoopEngine mapped = new LoopEngine(
                new PhraseMappingEditor(new ClassicEditor(), mapper),
                new PhraseMappingThinker(new HeuristicThinker(InstructionParser::parse), mapper));

        String paraphrase = "tone down how bright it is by 30%";
        LoopResult with = mapped.run(LoopRequest.of(cat, paraphrase));
        assertThat(with.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(luma(with.finalImage())).isLessThan(luma(cat) - 10);
        assertThat(with.turns().getFirst().critique().reasoning()).contains("read as");
        assertThat(plain.run(LoopRequest.of(cat, paraphrase)).stopReason()).isNotEqualTo(StopReason.THRESHOLD);

        String object = "give the cat a collar";
        LoopResult declined = mapped.run(LoopRequest.of(cat, object));
        assertThat(declined.stopReason()).isNotEqualTo(StopReason.THRESHOLD);
        assertThat(declined.accepted()).isFalse();
        assertThat(declined.turns().stream()
                        .anyMatch(t -> t.critique() != null && t.critique().verdict() == Verdict.FAILED))
                .isTrue();
    }

    private static double luma(Picture p) {
        byte[] bgr = p.bgr();
        double sum = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            sum += 0.114 * (bgr[i] & 0xff) + 0.587 * (bgr[i + 1] & 0xff) + 0.299 * (bgr[i + 2] & 0xff);
        }
        return sum / (bgr.length / 3.0);
    }
}
