package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action.Tone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tone steps said with a verb of direction ("flatten", "deepen", "dial back") or a fraction in words. */
class TonePhrasingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            flatten the contrast a lot                   | CONTRAST   | -50
            deepen the contrast dramatically             | CONTRAST   | 75
            dial the warmth back by a quarter            | WARMTH     | -25
            knock the brightness down by about a fifth   | BRIGHTNESS | -20
            increase the saturation by a third           | SATURATION | 33
            reduce the brightness by a tenth             | BRIGHTNESS | -10
            """)
    void aToneStepIsRead(String request, Tone tone, double amount) {
        ParsedInstruction parsed = InstructionParser.parse(request);
        assertThat(parsed.notUnderstood()).as(request).isEmpty();
        assertThat(parsed.actions()).containsExactly(new Action.Adjust(tone, amount, Region.WHOLE));
    }
}
