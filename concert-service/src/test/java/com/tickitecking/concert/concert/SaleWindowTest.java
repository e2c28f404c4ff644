package com.tickitecking.concert.concert;

import com.tickitecking.platform.domain.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaleWindowTest {

    private static final Instant NOW = Instant.parse("2030-05-01T18:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(30));
    private static final Instant OPENS = NOW.plus(Duration.ofDays(1));
    private static final Instant ENDS = NOW.plus(Duration.ofDays(20));

    @Test
    void leftOutTheConcertIsOnSaleFromNowUntilItStartsWithoutAWaitingRoom() {
        assertThat(SaleWindow.of(null, null, null, START, NOW)).isEqualTo(new SaleWindow(null, null, false));
    }

    @Test
    void keepsBothEndsOfTheWindow() {
        assertThat(SaleWindow.of(OPENS, ENDS, false, START, NOW)).isEqualTo(new SaleWindow(OPENS, ENDS, false));
    }

    @Test
    void theWaitingRoomIsOnByDefaultWhenTheSaleOpensInTheFuture() {
        assertThat(SaleWindow.of(NOW.plusMillis(1), null, null, START, NOW).waitingRoom()).isTrue();
    }

    @Test
    void theWaitingRoomIsOffByDefaultWhenTheSaleHasOpenedAlready() {
        assertThat(SaleWindow.of(NOW, null, null, START, NOW).waitingRoom()).isFalse();
        assertThat(SaleWindow.of(NOW.minusSeconds(60), null, null, START, NOW).waitingRoom()).isFalse();
        assertThat(SaleWindow.of(null, ENDS, null, START, NOW).waitingRoom()).isFalse();
    }

    @Test
    void theOrganisersChoiceOfWaitingRoomWinsOverTheDefault() {
        assertThat(SaleWindow.of(OPENS, null, false, START, NOW).waitingRoom()).isFalse();
        assertThat(SaleWindow.of(null, null, true, START, NOW).waitingRoom()).isTrue();
    }

    @Test
    void refusesAnOpeningAtOrAfterTheConcertsStart() {
        String detail = "must be before the concert's startTime (" + START + ")";
        assertInvalid(() -> SaleWindow.of(START, null, null, START, NOW), "saleStartsAt", detail);
        assertInvalid(() -> SaleWindow.of(START.plusSeconds(1), null, null, START, NOW), "saleStartsAt", detail);
    }

    @Test
    void refusesAnEndAfterTheConcertsStartButTakesTheStartItself() {
        assertInvalid(() -> SaleWindow.of(null, START.plusMillis(1), null, START, NOW), "saleEndsAt",
                "must not be after the concert's startTime (" + START + ")");
        assertThat(SaleWindow.of(null, START, null, START, NOW).endsAt()).isEqualTo(START);
    }

    @Test
    void refusesAnEndAtOrBeforeTheOpening() {
        String detail = "must be after saleStartsAt (" + OPENS + ")";
        assertInvalid(() -> SaleWindow.of(OPENS, OPENS, null, START, NOW), "saleEndsAt", detail);
        assertInvalid(() -> SaleWindow.of(OPENS, OPENS.minusSeconds(1), null, START, NOW), "saleEndsAt", detail);
    }

    @Test
    void aReplacementKeepsTheWaitingRoomWhenLeftOutAndTakesItWhenGiven() {
        SaleWindow queued = SaleWindow.of(OPENS, null, null, START, NOW);

        assertThat(queued.replacedBy(null, ENDS, null, START)).isEqualTo(new SaleWindow(null, ENDS, true));
        assertThat(queued.replacedBy(OPENS, null, false, START)).isEqualTo(new SaleWindow(OPENS, null, false));
    }

    @Test
    void aReplacementIsCheckedAgainstTheConcertsNewStart() {
        SaleWindow window = SaleWindow.of(OPENS, ENDS, null, START, NOW);
        Instant earlierStart = ENDS.minusSeconds(1);

        assertInvalid(() -> window.replacedBy(OPENS, ENDS, null, earlierStart), "saleEndsAt",
                "must not be after the concert's startTime (" + earlierStart + ")");
    }

    private static void assertInvalid(ThrowingCallable call, String field, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).isEqualTo(detail);
            assertThat(e.properties().get("errors")).isEqualTo(List.of(new DomainException.FieldError(field, detail)));
        });
    }
}
