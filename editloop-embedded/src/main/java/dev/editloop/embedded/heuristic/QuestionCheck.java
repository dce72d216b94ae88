package dev.editloop.embedded.heuristic;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells whether an instruction is a question about the picture ("was this taken at dawn or at dusk?", "what breed is
 * the cat?") rather than a request to change it. The heuristic thinker edits; it cannot answer, and a word in the
 * question that names a look ("dusk") is not a request for that look. Polite requests phrased as questions stay
 * requests: anything that addresses someone or asks for a possibility ("could you…", "can it be warmer?", "is it
 * possible to…", "would it look better brighter?"), suggestions ("how about…", "what about…", "why not…") and an
 * instruction with more than one sentence. Stateless.
 */
public final class QuestionCheck {
    /** A single sentence that opens with a question word and ends with a question mark. */
    private static final Pattern QUESTION = Pattern.compile(
            "^\\s*(?:was|were|is|are|did|does|do|has|have|what|where|when|who|whom|whose|which|why|how)\\b[^.!?;]*\\?+\\s*$");
    /** Words that make a question a request or a suggestion. */
    private static final Pattern REQUEST = Pattern.compile("\\b(?:you|your|u|we|us|let'?s|please|pls|can|could|would|"
            + "will|should|shall|might|may|possible|maybe|try|need|needs|want|wants|how about|what about|what if|"
            + "why not|how do i|how can i)\\b");

    /** What the thinker answers to a question about the picture. */
    public static final String ANSWER = "this asks a question about the picture; the embedded thinker edits pictures"
            + " and cannot answer questions: ask for a change, or use a model thinker";

    private QuestionCheck() {}

    /** The question, quoted, when the instruction asks about the picture instead of asking for a change. */
    public static Optional<String> questionAboutPicture(String instruction) {
        if (instruction == null) {
            return Optional.empty();
        }
        String text = instruction.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (!QUESTION.matcher(text).matches() || REQUEST.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of("\"" + instruction.strip() + "\" is a question");
    }
}
