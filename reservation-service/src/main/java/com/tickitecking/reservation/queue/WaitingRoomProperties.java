package com.tickitecking.reservation.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The waiting room of a concert that has one ({@code concert.waitingRoom()}).
 *
 * @param privateKey         PEM PKCS#8 RSA key that signs admission tokens ({@code ADMISSION_PRIVATE_KEY})
 * @param maxActiveShoppers  the most admitted shoppers (admitted, not finished, not expired) of one concert at once
 * @param lapseAfter         a place whose holder has not polled {@code GET .../queue/me} for this long lapses (EXPIRED)
 * @param admissionTtl       how long an admission (and its token) lasts
 * @param holdsPerAdmission  the most holds one admission token may make
 * @param admissionInterval  how often the admission job runs ({@link AdmissionJob}'s {@code @Scheduled} reads it too)
 * @param admitPerTick       the most places one run of the job admits per concert (keeps one Lua call short)
 * @param skipsPerTick       the most lapsed places one run skips per concert before it lets Redis serve others
 * @param rateWindow         the admissions of this window measure the admission rate behind estimatedWaitSeconds
 * @param flagTtl            life of the gateway's "this concert needs a token" flag (re-written every run)
 * @param pollMin            the shortest {@code pollAfterSeconds} a waiting place is told (near the front)
 * @param pollMax            the longest (far back; kept under half of {@code lapseAfter}, jitter included)
 * @param pressureAcquireTime the database pool is under pressure when taking a connection took longer than this on
 *                           average since the last admission run (or one timed out): the admission limit shrinks
 * @param admissionLimitFloor the admission limit never shrinks below this many active shoppers
 * @param admissionLimitStep  a calm run whose admissions the limit held back raises the limit by this many
 */
@ConfigurationProperties("tickitecking.waiting-room")
public record WaitingRoomProperties(String privateKey,
                                    @DefaultValue("200") int maxActiveShoppers,
                                    @DefaultValue("60s") Duration lapseAfter,
                                    @DefaultValue("5m") Duration admissionTtl,
                                    @DefaultValue("10") int holdsPerAdmission,
                                    @DefaultValue("500ms") Duration admissionInterval,
                                    @DefaultValue("100") int admitPerTick,
                                    @DefaultValue("1000") int skipsPerTick,
                                    @DefaultValue("60s") Duration rateWindow,
                                    @DefaultValue("60s") Duration flagTtl,
                                    @DefaultValue("1s") Duration pollMin,
                                    @DefaultValue("20s") Duration pollMax,
                                    @DefaultValue("200ms") Duration pressureAcquireTime,
                                    @DefaultValue("50") int admissionLimitFloor,
                                    @DefaultValue("10") int admissionLimitStep) {
}
