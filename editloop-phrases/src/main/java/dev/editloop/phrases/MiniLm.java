package dev.editloop.phrases;

import dev.editloop.core.NonRetriableException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The all-MiniLM-L6-v2 sentence encoder (quantized, 384 dimensions) running in process on the ONNX runtime, through
 * LangChain4j. The model and the runtime's native libraries ship inside Maven artifacts: nothing is downloaded at run
 * time. Loading takes a few hundred milliseconds (the ONNX session and the tokenizer); one instance is thread-safe.
 */
public final class MiniLm implements SentenceEncoder {
    private final EmbeddingModel model;

    private MiniLm(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Loads the model.
     *
     * @throws NonRetriableException when the ONNX runtime or the tokenizer cannot load on this machine (no native
     *     library for this platform), with the cause's message
     */
    public static MiniLm load() {
        try {
            return new MiniLm(new AllMiniLmL6V2QuantizedEmbeddingModel());
        } catch (RuntimeException | LinkageError e) {
            throw new NonRetriableException(
                    "the MiniLM phrase model cannot load on this machine (ONNX runtime or tokenizer native library): "
                            + e,
                    e);
        }
    }

    @Override
    public float[] encode(String sentence) {
        return model.embed(sentence).content().vector();
    }
}
