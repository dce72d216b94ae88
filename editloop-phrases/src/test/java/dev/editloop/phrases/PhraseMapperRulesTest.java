package dev.editloop.phrases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.embedded.classic.Region;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rules in front of the embeddings, with a stand-in encoder (no ONNX): what never reaches the nearest-phrase step,
 * and how an amount and a region are read from a clause.
 */
class PhraseMapperRulesTest {
    /** A bag-of-letters encoder that counts its calls: enough to tell whether a clause was compared at all. */
    private static final class CountingEncoder implements SentenceEncoder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public float[] encode(String sentence) {
            calls.incrementAndGet();
            float[] v = new float[26];
            for (char c : sentence.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    v[c - 'a']++;
                }
            }
            return v;
        }
    }

    @Test
    void requestsThatNeedAThingMadeOrFoundAreNeverCompared() {
        CountingEncoder encoder = new CountingEncoder();
        PhraseMapper mapper = new PhraseMapper(encoder, 0.01); // a threshold anything would clear
        int afterSetUp = encoder.calls.get();
        for (String request : new String[] {
            "add a bicycle leaning on the wall",
            "give the cat a collar",
            "give her sunglasses",
            "put a hat on the man",
            "make the dog look happy",
            "replace the sky with a starry night",
            "remove the person on the left",
            "make everything a touch more luminous and give the cat a collar"
        }) {
            PhraseMapper.Mapping m = mapper.map(request);
            assertThat(m.changed()).as(request).isFalse();
            assertThat(m.mapped()).isEqualTo(request);
            assertThat(m.untouchedBecause()).as(request).isNotNull();
        }
        // the one with a mappable first half was compared, and still left whole because its second half names a cat
        assertThat(encoder.calls.get() - afterSetUp).isLessThanOrEqualTo(1);
    }

    @Test
    void whatTheEditorReadsAndWhatToKeepAreLeftAsTheyAre() {
        CountingEncoder encoder = new CountingEncoder();
        PhraseMapper mapper = new PhraseMapper(encoder, 0.01);
        int afterSetUp = encoder.calls.get();
        assertThat(mapper.map("increase the contrast by 20%").changed()).isFalse();
        assertThat(mapper.map("make it black and white").changed()).isFalse();
        assertThat(mapper.map("but leave the face alone").clauses())
                .singleElement()
                .extracting(PhraseMapper.Clause::outcome)
                .isEqualTo(PhraseMapper.Outcome.KEEP_CLAUSE);
        assertThat(mapper.map("把天空调亮").changed()).isFalse();
        assertThat(encoder.calls.get()).isEqualTo(afterSetUp);
    }

    @Test
    void amountsAndRegionsAreReadFromTheClause() {
        assertThat(PhraseMapper.amount("dial it back by 35%")).isEqualTo(35.0);
        assertThat(PhraseMapper.amount("thirty five percent")).isNull();
        assertThat(PhraseMapper.amount("a touch more luminous")).isEqualTo(10.0);
        assertThat(PhraseMapper.amount("a lot more glow")).isEqualTo(50.0);
        assertThat(PhraseMapper.region("more luminous in the upper-left corner"))
                .contains(Region.TOP_LEFT);
        assertThat(PhraseMapper.region("only the lower half")).contains(Region.BOTTOM_HALF);
        assertThat(PhraseMapper.region("the sky looks flat")).contains(Region.SKY);
        assertThat(PhraseMapper.region("all of it")).isEmpty();
    }

    @Test
    void aPersonOrAThingIsNotAnAdjustment() {
        assertThat(PhraseMapper.namedThing("give her a softer look")).contains("her");
        assertThat(PhraseMapper.namedThing("make the cat more luminous")).isPresent();
        assertThat(PhraseMapper.namedThing("make the colours glow")).isEmpty();
        assertThat(PhraseMapper.namedThing("soften the highlights in the sky")).isEmpty();
    }

    @Test
    void aThresholdOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new PhraseMapper(new CountingEncoder(), 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }
}
