package com.tickitecking.reservation.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Lets the next people in, every admission interval, for every waiting-room concert on sale. Safe on any number
 * of instances: each run per concert is one atomic script against the live count of active shoppers. With Redis
 * unreachable a run fails and admits nobody (fail closed); the next run tries again. Each run first looks at this
 * instance's database pool ({@link DatabasePressure}): when it queued, every concert's admission limit shrinks.
 */
@Component
public class AdmissionJob {

    private static final Logger log = LoggerFactory.getLogger(AdmissionJob.class);

    private final WaitingRoom room;
    private final WaitingRoomRepository repository;
    private final WaitingRoomMetrics metrics;
    private final DatabasePressure pressure;
    private final Clock clock;

    public AdmissionJob(WaitingRoom room, WaitingRoomRepository repository, WaitingRoomMetrics metrics,
                        DatabasePressure pressure, Clock clock) {
        this.room = room;
        this.repository = repository;
        this.metrics = metrics;
        this.pressure = pressure;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tickitecking.waiting-room.admission-interval:500ms}",
            fixedDelayString = "${tickitecking.waiting-room.admission-interval:500ms}")
    public void run() {
        List<Long> concerts;
        try {
            concerts = repository.waitingRoomsOnSale(clock.instant());
        } catch (RuntimeException e) {
            log.warn("admission run skipped, the concerts could not be read: {}", e.getMessage());
            return;
        }
        metrics.keepOnly(concerts);
        boolean underPressure = pressure.sinceLastLook();
        for (long concertId : concerts) {
            try {
                room.admitNext(concertId, underPressure);
            } catch (RuntimeException e) {
                metrics.forget(concertId);
                log.warn("admission run for concert {} failed, nobody admitted (next run tries again): {}", concertId, e.getMessage());
            }
        }
    }
}
