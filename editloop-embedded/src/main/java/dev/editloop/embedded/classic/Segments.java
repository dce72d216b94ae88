package dev.editloop.embedded.classic;

import java.util.Arrays;

/**
 * Splits a picture into regions of one material: Felzenszwalb and Huttenlocher's graph segmentation (2004) over the
 * CIELAB distance between 8-connected neighbours. Two regions merge when the step between them is no larger than the
 * variation inside either, plus {@code k / size}: a gradual change (a sky darkening to the corners, a suit's folds)
 * stays one region, a step between two materials (a saucer on a table) splits them. Regions smaller than
 * {@code minSize} pixels join their closest neighbour.
 */
final class Segments {
    private Segments() {}

    /**
     * The region of each pixel, numbered from 0.
     *
     * @param lab L*, a*, b* per pixel, interleaved
     * @param k how readily regions merge (larger gives fewer, larger regions)
     * @param minSize the fewest pixels a region keeps
     */
    static int[] of(float[] lab, int w, int h, double k, int minSize) {
        int n = w * h;
        int[] from = new int[4 * n];
        int[] to = new int[4 * n];
        long[] order = new long[4 * n];
        int edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (x + 1 < w) {
                    edges = edge(lab, p, p + 1, from, to, order, edges);
                }
                if (y + 1 < h) {
                    edges = edge(lab, p, p + w, from, to, order, edges);
                    if (x + 1 < w) {
                        edges = edge(lab, p, p + w + 1, from, to, order, edges);
                    }
                    if (x > 0) {
                        edges = edge(lab, p, p + w - 1, from, to, order, edges);
                    }
                }
            }
        }
        Arrays.sort(order, 0, edges);
        int[] parent = new int[n];
        int[] size = new int[n];
        float[] inside = new float[n];
        for (int p = 0; p < n; p++) {
            parent[p] = p;
            size[p] = 1;
        }
        for (int e = 0; e < edges; e++) {
            float weight = Float.intBitsToFloat((int) (order[e] >>> 32));
            int index = (int) order[e];
            int a = find(parent, from[index]);
            int b = find(parent, to[index]);
            if (a == b) {
                continue;
            }
            if (weight <= inside[a] + k / size[a] && weight <= inside[b] + k / size[b]) {
                int root = union(parent, size, a, b);
                inside[root] = weight;
            }
        }
        for (int e = 0; e < edges; e++) {
            int index = (int) order[e];
            int a = find(parent, from[index]);
            int b = find(parent, to[index]);
            if (a != b && (size[a] < minSize || size[b] < minSize)) {
                union(parent, size, a, b);
            }
        }
        int[] label = new int[n];
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int next = 0;
        for (int p = 0; p < n; p++) {
            int root = find(parent, p);
            if (number[root] < 0) {
                number[root] = next++;
            }
            label[p] = number[root];
        }
        return label;
    }

    private static int edge(float[] lab, int p, int q, int[] from, int[] to, long[] order, int edges) {
        float dl = lab[3 * p] - lab[3 * q];
        float da = lab[3 * p + 1] - lab[3 * q + 1];
        float db = lab[3 * p + 2] - lab[3 * q + 2];
        float weight = (float) Math.sqrt(dl * dl + da * da + db * db);
        from[edges] = p;
        to[edges] = q;
        // non-negative floats sort as their bit patterns do
        order[edges] = ((long) Float.floatToIntBits(weight) << 32) | edges;
        return edges + 1;
    }

    private static int find(int[] parent, int p) {
        int root = p;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[p] != root) {
            int next = parent[p];
            parent[p] = root;
            p = next;
        }
        return root;
    }

    private static int union(int[] parent, int[] size, int a, int b) {
        if (size[a] < size[b]) {
            int t = a;
            a = b;
            b = t;
        }
        parent[b] = a;
        size[a] += size[b];
        return a;
    }
}
