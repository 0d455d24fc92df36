package org.stormdesk.feedback.internal;

import java.util.Arrays;

/**
 * A count-min sketch of fixed size: how often each key was seen, never under-counted, over-counted only by
 * collisions (conservative update keeps those small). Its memory is set when it is made and never grows, however
 * many keys and contacts pass through. Counts may be weighted and decayed ({@link #scale}), and two sketches of the
 * same shape can be blended cell by cell ({@link #blend}), which is how the time-of-day baselines learn.
 */
public final class Sketch {

    private final int depth;
    private final int mask;
    private final float[] cells;

    public Sketch(int depth, int widthPowerOfTwo) {
        if (Integer.bitCount(widthPowerOfTwo) != 1 || depth < 1) {
            throw new IllegalArgumentException("width must be a power of two, depth at least 1");
        }
        this.depth = depth;
        this.mask = widthPowerOfTwo - 1;
        this.cells = new float[depth * widthPowerOfTwo];
    }

    /** The key's two hashes, mixed (Kirsch-Mitzenmacher: row i uses h1 + i * h2). */
    public static long hash(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private int index(long hash, int row) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        return row * (mask + 1) + ((h1 + row * h2) & mask);
    }

    /** Adds a weight to a key (conservative update); answers the key's new estimate. */
    public float add(long hash, float weight) {
        float min = estimate(hash);
        float target = min + weight;
        for (int r = 0; r < depth; r++) {
            int i = index(hash, r);
            if (cells[i] < target) {
                cells[i] = target;
            }
        }
        return target;
    }

    public float estimate(long hash) {
        float min = Float.MAX_VALUE;
        for (int r = 0; r < depth; r++) {
            min = Math.min(min, cells[index(hash, r)]);
        }
        return min;
    }

    /** Multiplies every count (decay). */
    public void scale(float factor) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] *= factor;
        }
    }

    /** This := (1 - alpha) * this + alpha * other, cell by cell (same shape). */
    public void blend(Sketch other, float alpha) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (1 - alpha) * cells[i] + alpha * other.cells[i];
        }
    }

    public void copyFrom(Sketch other) {
        System.arraycopy(other.cells, 0, cells, 0, cells.length);
    }

    public void clear() {
        Arrays.fill(cells, 0f);
    }

    /** Bytes of counts held (fixed). */
    public long bytes() {
        return 4L * cells.length;
    }
}
