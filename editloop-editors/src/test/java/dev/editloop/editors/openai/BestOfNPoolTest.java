package dev.editloop.editors.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.BestOfN;
import dev.editloop.core.loop.Budget;
import dev.editloop.core.loop.Candidate;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import dev.editloop.testkit.seeded.StrengthThinker;
import java.awt.Color;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Best-of-N's candidates go out at once, and an endpoint's request limit holds them back. */
class BestOfNPoolTest {
    @Test
    void sixCandidatesThroughAnEndpointThatTakesTwoAtATime() {
        try (FakeOpenAiImagesServer fake = new FakeOpenAiImagesServer()) {
            fake.delay(Duration.ofMillis(300));
            OpenAiImagesEditor editor = new OpenAiImagesEditor(
                    BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=qwen-image-edit&concurrency=2"),
                    Map.of());
            Picture gray = Picture.solid(32, 32, new Color(100, 100, 100));
            LoopRequest request = LoopRequest.of(gray, "brighten it")
                    .withStrategy(new BestOfN(6, Budget.calls(6), null))
                    .withThreshold(Threshold.parse("9.9"))
                    .withAccept(null);

            LoopResult r = new LoopEngine(editor, new StrengthThinker()).run(request);

            assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
            assertThat(fake.forms()).hasSize(6);
            assertThat(fake.maxInFlight()).isEqualTo(2);
            assertThat(fake.forms().stream()
                            .map(f -> Long.parseLong(f.field("seed")))
                            .sorted())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            // the fake brightens by a step known from prompt and seed; the kept candidate is the brightest
            long brightest = LongStream.range(0, 6)
                    .boxed()
                    .max(Comparator.comparingInt(s -> FakeOpenAiImagesServer.delta("brighten it", s)))
                    .orElseThrow();
            List<Candidate> candidates = r.turns().getFirst().candidates();
            assertThat(candidates.stream().filter(Candidate::won).map(Candidate::seed))
                    .containsExactly(brightest);
            assertThat(candidates).allMatch(c -> c.error() == null);
        }
    }
}
