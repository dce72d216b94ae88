package dev.editloop.phrases;

/** Turns a sentence into a vector whose cosine with another sentence's vector says how alike they mean. */
@FunctionalInterface
public interface SentenceEncoder {
    /** The sentence's embedding; never null. */
    float[] encode(String sentence);

    /** The cosine similarity of two embeddings, -1..1 (0 when either is all zeros). */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different sizes: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
