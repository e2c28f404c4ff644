import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises a JMeter JTL (CSV with a header line): per request label the count, throughput, error rate,
 * status codes and p50/p95/p99 of the elapsed time; then the total. An error is a sample JMeter marked as
 * failed, i.e. one whose status the plan's assertion did not expect (200, 201/409 for a hold, 304 for the
 * conditional seat map). Exits 1 when the total error rate exceeds the threshold, 2 when there are no samples.
 *
 * <p>usage: java JtlSummary.java results.jtl [max-error-percent]
 */
public class JtlSummary {

    /** The samples of one label. */
    static final class Label {
        final List<Integer> elapsed = new ArrayList<>();
        final Map<String, Integer> codes = new TreeMap<>();
        int errors;
        String firstFailure;

        void add(int millis, String code, boolean success, String failure) {
            elapsed.add(millis);
            codes.merge(code, 1, Integer::sum);
            if (!success) {
                errors++;
                if (firstFailure == null && failure != null && !failure.isBlank()) {
                    firstFailure = failure;
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java JtlSummary.java results.jtl [max-error-percent]");
            System.exit(64);
        }
        double maxErrorPercent = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Map<String, Label> labels = new LinkedHashMap<>();
        Label total = new Label();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                System.out.println("No samples in " + args[0]);
                System.exit(2);
            }
            List<String> header = parse(headerLine);
            int timeStamp = column(header, "timeStamp");
            int elapsed = column(header, "elapsed");
            int label = column(header, "label");
            int code = column(header, "responseCode");
            int success = column(header, "success");
            int failure = header.indexOf("failureMessage");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = parse(line);
                if (row.size() <= Math.max(success, Math.max(code, label))) {
                    continue; // a line cut short when JMeter was stopped
                }
                long start = Long.parseLong(row.get(timeStamp));
                int millis = Integer.parseInt(row.get(elapsed));
                boolean ok = Boolean.parseBoolean(row.get(success));
                String message = failure >= 0 && failure < row.size() ? row.get(failure) : null;
                labels.computeIfAbsent(row.get(label), k -> new Label()).add(millis, row.get(code), ok, message);
                total.add(millis, row.get(code), ok, message);
                first = Math.min(first, start);
                last = Math.max(last, start + millis);
            }
        }
        if (total.elapsed.isEmpty()) {
            System.out.println("No samples in " + args[0]);
            System.exit(2);
        }
        double seconds = Math.max(0.001, (last - first) / 1000.0);
        System.out.printf(Locale.ROOT, "%-16s %8s %9s %8s %7s %7s %7s %7s %7s  %s%n",
                "label", "samples", "req/s", "errors", "err%", "p50ms", "p95ms", "p99ms", "maxms", "status codes");
        labels.forEach((name, l) -> print(name, l, seconds));
        print("TOTAL", total, seconds);
        System.out.printf(Locale.ROOT, "window %.1f s%n", seconds);
        labels.forEach((name, l) -> {
            if (l.firstFailure != null) {
                System.out.println("first failure of " + name + ": " + l.firstFailure);
            }
        });
        double errorPercent = 100.0 * total.errors / total.elapsed.size();
        if (errorPercent > maxErrorPercent) {
            System.out.printf(Locale.ROOT, "FAIL: error rate %.2f%% exceeds %.2f%%%n", errorPercent, maxErrorPercent);
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "OK: error rate %.2f%% (threshold %.2f%%)%n", errorPercent, maxErrorPercent);
    }

    private static void print(String name, Label l, double seconds) {
        int[] sorted = l.elapsed.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        StringBuilder codes = new StringBuilder();
        l.codes.forEach((code, count) -> codes.append(code).append('=').append(count).append(' '));
        System.out.printf(Locale.ROOT, "%-16s %8d %9.1f %8d %6.2f%% %7d %7d %7d %7d  %s%n",
                name, sorted.length, sorted.length / seconds, l.errors, 100.0 * l.errors / sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1],
                codes.toString().trim());
    }

    /** Nearest-rank percentile (as JMeter's dashboard computes it). */
    static int percentile(int[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the JTL has no column " + name + " (columns: " + header + ")");
        }
        return index;
    }

    /** One CSV line as JMeter writes it: fields quoted when they hold the delimiter, quotes doubled. */
    static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
