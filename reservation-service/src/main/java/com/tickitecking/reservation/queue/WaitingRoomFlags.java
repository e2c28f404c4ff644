package com.tickitecking.reservation.queue;

import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.reservation.concert.Concert;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The gateway's flag: {@code <prefix>waiting-room:<concertId>} = "1" for every waiting-room concert whose sale has
 * not ended, so the gateway knows which holds need an admission token. Written when the concert's event arrives
 * and re-written by every run of the admission job with a TTL, so a flag of a concert that lost its waiting room
 * (or a lost write) sorts itself out within the TTL.
 */
@Component
public class WaitingRoomFlags {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoomFlags.class);

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final WaitingRoomProperties properties;
    private final Clock clock;

    public WaitingRoomFlags(RedissonClient redisson, RedisKeys keys, WaitingRoomProperties properties, Clock clock) {
        this.redisson = redisson;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sets or clears the concert's flag as it is now; null = the concert is gone. Never throws (the job re-writes it). */
    public void follow(long concertId, Concert concert) {
        try {
            if (concert != null && concert.waitingRoom() && !concert.saleEndedBy(clock.instant())) {
                raise(concertId);
            } else {
                redisson.getBucket(key(concertId), StringCodec.INSTANCE).delete();
            }
        } catch (RedisException e) {
            log.warn("could not write the waiting-room flag of concert {} (the admission job writes it again): {}",
                    concertId, e.getMessage());
        }
    }

    void raise(long concertId) {
        redisson.getBucket(key(concertId), StringCodec.INSTANCE).set("1", properties.flagTtl());
    }

    String key(long concertId) {
        return keys.key("waiting-room", String.valueOf(concertId));
    }
}
