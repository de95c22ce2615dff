package dev.switchboard.console.history;

/** A bounded ring of (time, value) points: the newest {@code capacity} survive, older ones are overwritten. */
public final class SeriesBuffer {

    /** Receives one point. */
    @FunctionalInterface
    public interface PointConsumer {
        void accept(double time, double value);
    }

    private final double[] times;
    private final double[] values;
    private int next;
    private int size;

    public SeriesBuffer(int capacity) {
        times = new double[capacity];
        values = new double[capacity];
    }

    public void add(double time, double value) {
        times[next] = time;
        values[next] = value;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    public int size() {
        return size;
    }

    /** Visits the points oldest first. */
    public void forEach(PointConsumer consumer) {
        int start = (next - size + times.length) % times.length;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % times.length;
            consumer.accept(times[at], values[at]);
        }
    }

    /** The newest value, or 0 when empty. */
    public double last() {
        return size == 0 ? 0 : values[(next - 1 + values.length) % values.length];
    }

    /** Sum of the newest {@code n} values. */
    public double sumOfLast(int n) {
        double sum = 0;
        for (int i = 1; i <= Math.min(n, size); i++) {
            sum += values[(next - i + values.length) % values.length];
        }
        return sum;
    }
}
