package com.tickitecking.reservation;

import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Many users trying to hold seats at once, over real HTTP, from a fixed pool of client threads. Attempt i goes
 * to {@code ports[i % ports.length]} as user {@code firstUser + i % users}.
 */
public final class Storm {

    /** One attempt's answer: the seats it asked for, the status, and the reservation id when it got one. */
    public record Attempt(List<String> seats, int status, long reservationId, long userId) {
        public boolean held() {
            return status == 201;
        }
    }

    private final List<Integer> ports;
    private final int threads;
    private final List<String> tokens = new ArrayList<>();
    private final long firstUser;

    public Storm(List<Integer> ports, int threads, long firstUser, int users) {
        this.ports = List.copyOf(ports);
        this.threads = threads;
        this.firstUser = firstUser;
        for (int u = 0; u < users; u++) {
            tokens.add(TestTokens.accessToken(firstUser + u, Role.USER));
        }
    }

    /** Random sets of 1 to {@code maxSeats} distinct seats out of the given ones. */
    public static IntFunction<List<String>> randomSeats(List<String> seats, int maxSeats, long seed) {
        return i -> {
            Random random = new Random(seed + i);
            List<String> copy = new ArrayList<>(seats);
            Collections.shuffle(copy, random);
            return List.copyOf(copy.subList(0, 1 + random.nextInt(maxSeats)));
        };
    }

    public List<Attempt> run(long concertId, int attempts, IntFunction<List<String>> seatsOf) {
        return run(concertId, attempts, seatsOf, attempt -> { });
    }

    /** Runs the attempts; {@code afterEach} sees every answer as it comes (e.g. to cancel some winners). */
    public List<Attempt> run(long concertId, int attempts, IntFunction<List<String>> seatsOf,
                             java.util.function.Consumer<Attempt> afterEach) {
        List<Future<Attempt>> futures = new ArrayList<>(attempts);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < attempts; i++) {
                int attempt = i;
                futures.add(pool.submit(() -> {
                    Attempt result = attempt(concertId, attempt, seatsOf.apply(attempt));
                    afterEach.accept(result);
                    return result;
                }));
            }
        }
        List<Attempt> results = new ArrayList<>(attempts);
        for (Future<Attempt> future : futures) {
            try {
                results.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    public TestHttp as(int attempt) {
        int port = ports.get(attempt % ports.size());
        return TestHttp.at(port).as(tokens.get(attempt % tokens.size()));
    }

    private Attempt attempt(long concertId, int attempt, List<String> seats) {
        TestHttp.Response response = new ReservationApi(as(attempt)).hold(concertId, seats);
        long id = response.status() == 201 ? response.json().get("id").asLong() : 0;
        return new Attempt(seats, response.status(), id, firstUser + attempt % tokens.size());
    }
}
