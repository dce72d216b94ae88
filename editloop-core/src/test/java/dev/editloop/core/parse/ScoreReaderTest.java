package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.parse.ScoreReader.Scores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreReaderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[8, 7]                                          | 8   | 7",
                "[8.5, 7.25]                                     | 8.5 | 7.25",
                "(8, 7)                                          | 8   | 7",
                "8, 7                                            | 8   | 7",
                "8 7                                             | 8   | 7",
                "[\"8\", \"7\"]                                  | 8   | 7",
                "[8/10, 7/10]                                    | 8   | 7",
                "{\"semantic\": 8, \"quality\": 7}               | 8   | 7",
                "{\"quality\": 7, \"semantic\": 8}               | 8   | 7",
                "{'semantic': 8, 'quality': 7,}                  | 8   | 7",
                "{semantic: 8, quality: 7}                       | 8   | 7",
                "{\"semantic_consistency\": 8, \"perceptual_quality\": 7} | 8 | 7",
                "{\"Semantic Consistency\": 8, \"Perceptual Quality\": 7} | 8 | 7",
                "{\"semanticConsistency\": 8, \"perceptualQuality\": 7}   | 8 | 7",
                "{\"sc\": 8, \"pq\": 7}                          | 8   | 7",
                "{\"SC\": 8.0, \"PQ\": 7.0, \"overall\": 7.5}    | 8   | 7",
                "{\"semantic_score\": 8, \"quality_score\": 7}   | 8   | 7",
                "{\"instruction_following\": 8, \"image_quality\": 7}    | 8 | 7",
                "{\"edit_success\": 8, \"naturalness\": 7}       | 8   | 7",
                "{\"semantic\": \"8/10\", \"quality\": \"7 / 10\"} | 8 | 7",
                "{\"scores\": {\"semantic\": 8, \"quality\": 7}} | 8   | 7",
                "{\"score\": [8, 7]}                             | 8   | 7",
                "SC: 8, PQ: 7                                    | 8   | 7",
                "SC=8; PQ=7                                      | 8   | 7",
                "sc 8 pq 7                                       | 8   | 7",
                "PQ: 7, SC: 8                                    | 8   | 7",
                "Semantic consistency: 8/10, Perceptual quality: 7/10 | 8 | 7",
                "semantic consistency (SC): 8 — perceptual quality (PQ): 7 | 8 | 7",
                "Semantic score is 8 and quality is 7            | 8   | 7",
                "semantic 8 out of 10, quality 7 out of 10       | 8   | 7",
                "8 (semantic), 7 (quality)                       | 8   | 7",
                "7 for quality, 8 for semantic                   | 8   | 7",
                "[7, 8] (quality, semantic)                      | 8   | 7",
                "[8, 7] (semantic, quality)                      | 8   | 7",
                "语义一致性：８，感知质量：７                      | 8   | 7",
                "语义: 8, 质量: 7                                | 8   | 7",
                "0, 10                                           | 0   | 10",
                "`[8, 7]`                                        | 8   | 7",
            })
    void reads(String text, double semantic, double quality) {
        Scores scores = ScoreReader.read(text);
        assertThat(scores.problem()).isNull();
        assertThat(scores.semantic()).isEqualTo(semantic);
        assertThat(scores.quality()).isEqualTo(quality);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                              | empty score",
                "7                                               | only one score",
                "[7]                                             | only one score",
                "[8, 7, 6]                                       | found 3 numbers",
                "good                                            | no score value",
                "[11, 7]                                         | score out of range: semantic 11",
                "[8, 10.5]                                       | score out of range: quality 10.5",
                "{\"semantic\": -2, \"quality\": 7}              | score out of range: semantic -2",
                "{\"semantic\": 80, \"quality\": 70}             | score out of range",
                "SC: 4/5, PQ: 3/5                                | 0–5 scale",
                "semantic 80/100, quality 70/100                 | 0–100 scale",
                "SC: 80%, PQ: 70%                                | percentage",
                "{\"semantic\": 8}                               | missing quality score",
                "{\"quality\": 8}                                | missing semantic score",
                "SC: 8                                           | missing quality score",
                "SC: 8, PQ: unclear                              | missing quality score",
                "{\"edit\": 8, \"image\": 7}                     | unknown score keys [edit, image]",
                "{\"semantic\": [8, 9], \"quality\": 7}          | semantic score is not a number",
                "{\"semantic\": \"high\", \"quality\": 7}        | semantic score is not a number",
                "[[8, 9], [7, 7]]                                | score list holds something other than numbers",
                "{\"semantic\": 8, \"qual                        | missing quality score",
            })
    void refuses(String text, String problem) {
        Scores scores = ScoreReader.read(text);
        assertThat(scores.ok()).isFalse();
        assertThat(scores.semantic()).isNull();
        assertThat(scores.quality()).isNull();
        assertThat(scores.problem()).contains(problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "semantic, SEMANTIC",
        "Semantic Consistency Score, SEMANTIC",
        "semantic-consistency, SEMANTIC",
        "instructionFollowing, SEMANTIC",
        "PQ, QUALITY",
        "perceptualQuality, QUALITY",
        "visual_quality, QUALITY",
        "scores, CONTAINER",
        "overall, ",
        "consistency, ",
    })
    void namesKeys(String key, ScoreReader.Family family) {
        assertThat(ScoreReader.family(key)).isEqualTo(family);
    }
}
