package com.tickitecking.reservation.concert;

import com.tickitecking.platform.redis.RedisKeys;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * "Concert n changed", told to every instance of the service over a Redis topic
 * ({@code reservation:concert-changed}), so that each drops the concert from its in-memory cache although SQS
 * gives the event to one instance only. Redis pub/sub keeps nothing for an instance that is not connected: after a
 * (re)subscription the whole cache is dropped, and the cache's TTL bounds what is missed while connected badly.
 */
@Component
public class ConcertChanges {

    private static final Logger log = LoggerFactory.getLogger(ConcertChanges.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final RTopic topic;
    private final TaskScheduler scheduler;
    private volatile LongConsumer changed = id -> { };
    private volatile Runnable missedSome = () -> { };

    public ConcertChanges(RedissonClient redisson, RedisKeys keys, TaskScheduler scheduler) {
        this.topic = redisson.getTopic(keys.key("reservation", "concert-changed"), LongCodec.INSTANCE);
        this.scheduler = scheduler;
    }

    /** Who hears of changes: {@code changed} per concert, {@code missedSome} when changes may have gone unheard. */
    void listen(LongConsumer changed, Runnable missedSome) {
        this.changed = changed;
        this.missedSome = missedSome;
    }

    /** Tells every instance (this one too) that the concert changed; if Redis cannot be told, their TTL catches up. */
    void publish(long concertId) {
        try {
            topic.publish(concertId);
        } catch (RuntimeException e) {
            log.warn("could not tell the other instances that concert {} changed; their caches catch up within the TTL: {}",
                    concertId, e.getMessage());
        }
    }

    /**
     * Subscribes once the service has started, not in the constructor: Redisson connects lazily (RedisTimeouts) and
     * a Redis slow to answer must not stop the start. Retried with back-off until Redis answers; Redisson itself
     * subscribes again after a reconnect.
     */
    @EventListener(ApplicationReadyEvent.class)
    void subscribe() {
        subscribe(FIRST_RETRY);
    }

    private void subscribe(Duration nextWait) {
        try {
            topic.addListener(Long.class, (channel, concertId) -> changed.accept(concertId));
            missedSome.run();
        } catch (RuntimeException e) {
            log.warn("not yet listening for concert changes of other instances, retrying in {} s: {}",
                    nextWait.toSeconds(), e.getMessage());
            Duration after = nextWait.multipliedBy(2).compareTo(LONGEST_RETRY) < 0 ? nextWait.multipliedBy(2) : LONGEST_RETRY;
            scheduler.schedule(() -> subscribe(after), Instant.now().plus(nextWait));
        }
    }
}
