// Run: java deploy/bench/RefusalStackTrace.java 180   (docs/performance.md, "The isolation level, the observations and the refusal's stack trace")
// How much filling in a stack trace costs a refusal thrown ~N frames deep (a request's depth through Tomcat,
// Spring Security's filters and MVC is about 150-200 frames).
public class RefusalStackTrace {
    static class Filled extends RuntimeException { Filled(String m) { super(m); } }
    static class Stackless extends RuntimeException { Stackless(String m) { super(m, null, false, false); } }
    static volatile Object sink;
    static long deep(int depth, boolean filled, int n) {
        if (depth > 0) return deep(depth - 1, filled, n);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try { throw filled ? new Filled("Seats already taken: A-1") : new Stackless("Seats already taken: A-1"); }
            catch (RuntimeException e) { sink = e; }
        }
        return System.nanoTime() - t;
    }
    public static void main(String[] a) {
        int depth = Integer.parseInt(a[0]), n = 20000;
        for (int w = 0; w < 5; w++) { deep(depth, true, n); deep(depth, false, n); }
        for (int r = 0; r < 3; r++) {
            double f = deep(depth, true, n) / 1e3 / n, s = deep(depth, false, n) / 1e3 / n;
            System.out.printf("depth %d: filled %.2f us, stackless %.3f us%n", depth, f, s);
        }
    }
}
