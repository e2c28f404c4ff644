package com.tickitecking.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load generator, as {@code hey -z 20s -c 32} is one: a fixed number of workers, each with its own
 * keep-alive HTTP/1.1 connection (its own {@link HttpClient}, so one client's selector thread is never the
 * bottleneck and there are exactly as many connections as workers), sending the next request as soon as the last
 * answered. hey and wrk are not installed here, hence this.
 */
final class LoadGenerator {

    private LoadGenerator() {
    }

    /** What one or more slices of load measured. */
    record Result(long requests, long non2xx, Map<Integer, Long> statuses, double seconds, long[] latenciesNanos) {

        static final Result NONE = new Result(0, 0, Map.of(), 0, new long[0]);

        double perSecond() {
            return seconds == 0 ? 0 : requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        Result plus(Result other) {
            Map<Integer, Long> merged = new TreeMap<>(statuses);
            other.statuses.forEach((status, count) -> merged.merge(status, count, Long::sum));
            long[] latencies = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
            System.arraycopy(other.latenciesNanos, 0, latencies, latenciesNanos.length, other.latenciesNanos.length);
            return new Result(requests + other.requests, non2xx + other.non2xx, merged, seconds + other.seconds, latencies);
        }
    }

    /** {@code connections} workers send GET {@code uri} with {@code headers} for {@code seconds}. */
    static Result run(URI uri, Map<String, String> headers, int connections, double seconds) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(new Worker(request));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            threads.add(Thread.ofPlatform().daemon().start(() -> worker.loop(start)));
        }
        long began = System.nanoTime();
        long deadline = began + (long) (seconds * 1e9);
        workers.forEach(worker -> worker.deadline = deadline);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        Result result = new Result(0, 0, Map.of(), elapsed, new long[0]);
        for (Worker worker : workers) {
            worker.client.close();
            result = new Result(result.requests + worker.count, result.non2xx + worker.non2xx,
                    merge(result.statuses, worker.statuses), elapsed, concat(result.latenciesNanos, worker.latencies, worker.count));
        }
        return result;
    }

    private static Map<Integer, Long> merge(Map<Integer, Long> a, Map<Integer, Long> b) {
        Map<Integer, Long> merged = new TreeMap<>(a);
        b.forEach((status, count) -> merged.merge(status, count, Long::sum));
        return merged;
    }

    private static long[] concat(long[] a, long[] b, int bLength) {
        long[] all = Arrays.copyOf(a, a.length + bLength);
        System.arraycopy(b, 0, all, a.length, bLength);
        return all;
    }

    private static final class Worker {
        private final HttpRequest request;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private volatile long deadline;
        private long[] latencies = new long[4096];
        private int count;
        private long non2xx;

        Worker(HttpRequest request) {
            this.request = request;
        }

        void loop(CountDownLatch start) {
            try {
                start.await();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = 0; // no answer: counted with the non-2xx as status 0
                    }
                    record(System.nanoTime() - t0, status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(long nanos, int status) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (status < 200 || status > 299) {
                non2xx++;
                statuses.merge(status, 1L, Long::sum);
            }
        }
    }
}
