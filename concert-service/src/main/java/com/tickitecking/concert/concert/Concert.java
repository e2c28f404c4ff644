package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A concert at a venue, with its price grades. Only the venue's owner (or an admin) may put a concert on at it,
 * and only the concert's owner (or an admin) may change it. A concert belongs to its venue's owner, also when an
 * admin created it, and moves only between that owner's venues. {@code revision} counts the changes (1 when
 * created) and travels with every concert event, so consumers can ignore a late, older one.
 *
 * <p>The remaining seat count and the poster are read models written by the event handlers with plain SQL;
 * they are mapped read-only here so that saving the concert never overwrites them with a stale value.
 */
@Entity
@Table(name = "concert")
public class Concert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id")
    private long ownerId;

    @Column(name = "auditorium_id")
    private long auditoriumId;

    private String name;

    private String description;

    @Column(name = "start_time")
    private Instant startTime;

    @Convert(converter = SeatGradesConverter.class)
    private List<SeatGrade> grades;

    @Column(name = "total_seats")
    private int totalSeats;

    @Column(name = "max_tickets_per_buyer")
    private int maxTicketsPerBuyer;

    @Column(name = "sale_starts_at")
    private Instant saleStartsAt;

    @Column(name = "sale_ends_at")
    private Instant saleEndsAt;

    @Column(name = "waiting_room")
    private boolean waitingRoom;

    @Column(name = "remaining_seats", updatable = false)
    private int remainingSeats;

    @Column(name = "poster_url", insertable = false, updatable = false)
    private String posterUrl;

    private long revision;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Concert() {
    }

    private Concert(Auditorium venue, String name, String description, Instant startTime, List<SeatGrade> grades,
                    int maxTicketsPerBuyer, SaleWindow sale, Instant now) {
        this.ownerId = venue.getOwnerId();
        this.auditoriumId = venue.getId();
        this.name = name;
        this.description = description;
        this.startTime = startTime;
        this.grades = List.copyOf(grades);
        this.totalSeats = venue.getTotalSeats();
        this.maxTicketsPerBuyer = maxTicketsPerBuyer;
        setSale(sale);
        this.remainingSeats = totalSeats;
        this.revision = 1;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    /** Plain users book concerts; company users and admins put them on. */
    public static void assertMayPutOnConcerts(AuthenticatedUser caller) {
        if (caller.role() == Role.USER) {
            throw DomainException.forbidden("Only company users and admins put concerts on.");
        }
    }

    /**
     * A new concert at the venue, owned by the venue's owner. Its grades must price every seat of the venue once
     * ({@link GradeCoverage}); its buyer limit lies between 1 and {@code mostPerBuyer} ({@link BuyerLimit}); its
     * sale window lies before its start, and its waiting room is on by default when the sale opens after
     * {@code now} ({@link SaleWindow}).
     */
    public static Concert putOn(AuthenticatedUser caller, Auditorium venue, ConcertRequests.Save request,
                                int mostPerBuyer, Instant now) {
        assertMayPutOnConcerts(caller);
        venue.assertOwnedBy(caller);
        List<SeatGrade> grades = GradeCoverage.check(request.grades(), venue.getLayout());
        int buyerLimit = BuyerLimit.of(request.maxTicketsPerBuyer(), mostPerBuyer);
        SaleWindow sale = SaleWindow.of(request.saleStartsAt(), request.saleEndsAt(), request.waitingRoom(),
                request.startTime(), now);
        return new Concert(venue, request.name(), request.description(), request.startTime(), grades, buyerLimit,
                sale, now);
    }

    /** Its owner and admins may change or withdraw a concert. */
    public void assertOwnedBy(AuthenticatedUser caller) {
        if (!caller.owns(ownerId)) {
            throw DomainException.forbidden("Concert " + id + " is not yours.");
        }
    }

    /**
     * Replaces the concert's terms, at the same venue or another of its owner's, under the same rules as
     * {@link #putOn}, except that a left-out {@code waitingRoom} stays as it was; a new revision.
     *
     * @return whether it moved to another venue: its seats changed and must be counted again
     */
    public boolean replace(Auditorium venue, ConcertRequests.Save request, int mostPerBuyer) {
        if (venue.getOwnerId() != ownerId) {
            throw DomainException.forbidden("A concert can only move to a venue of its own owner.");
        }
        List<SeatGrade> checkedGrades = GradeCoverage.check(request.grades(), venue.getLayout());
        int buyerLimit = BuyerLimit.of(request.maxTicketsPerBuyer(), mostPerBuyer);
        SaleWindow sale = getSale().replacedBy(request.saleStartsAt(), request.saleEndsAt(), request.waitingRoom(),
                request.startTime());
        boolean moved = auditoriumId != venue.getId();
        this.auditoriumId = venue.getId();
        this.name = request.name();
        this.description = request.description();
        this.startTime = request.startTime();
        this.grades = List.copyOf(checkedGrades);
        this.totalSeats = venue.getTotalSeats();
        this.maxTicketsPerBuyer = buyerLimit;
        setSale(sale);
        revise();
        return moved;
    }

    /** The venue's name changed: the concert's events carry it, so the concert gets a new revision. */
    public void venueRenamed() {
        revise();
    }

    private void setSale(SaleWindow sale) {
        this.saleStartsAt = sale.startsAt();
        this.saleEndsAt = sale.endsAt();
        this.waitingRoom = sale.waitingRoom();
    }

    private void revise() {
        revision++;
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public long getAuditoriumId() {
        return auditoriumId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public List<SeatGrade> getGrades() {
        return grades;
    }

    public int getTotalSeats() {
        return totalSeats;
    }

    /** The most seats one account may hold and buy of this concert. */
    public int getMaxTicketsPerBuyer() {
        return maxTicketsPerBuyer;
    }

    /** When holds open and close, and whether buyers queue in the waiting room. */
    SaleWindow getSale() {
        return new SaleWindow(saleStartsAt, saleEndsAt, waitingRoom);
    }

    public int getRemainingSeats() {
        return remainingSeats;
    }

    public String getPosterUrl() {
        return posterUrl;
    }

    public long getRevision() {
        return revision;
    }
}
