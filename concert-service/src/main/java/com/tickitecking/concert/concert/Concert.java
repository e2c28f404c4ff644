package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;
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
 * A concert at a venue, with its price grades. {@code revision} counts the changes (1 when created) and travels
 * with every concert event, so consumers can ignore a late, older one.
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

    public Concert(long ownerId, long auditoriumId, String name, String description, Instant startTime,
                   List<SeatGrade> grades, int totalSeats, int maxTicketsPerBuyer) {
        this.ownerId = ownerId;
        this.auditoriumId = auditoriumId;
        this.name = name;
        this.description = description;
        this.startTime = startTime;
        this.grades = List.copyOf(grades);
        this.totalSeats = totalSeats;
        this.maxTicketsPerBuyer = maxTicketsPerBuyer;
        this.remainingSeats = totalSeats;
        this.revision = 1;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void change(long auditoriumId, String name, String description, Instant startTime, List<SeatGrade> grades,
                       int totalSeats, int maxTicketsPerBuyer) {
        this.auditoriumId = auditoriumId;
        this.name = name;
        this.description = description;
        this.startTime = startTime;
        this.grades = List.copyOf(grades);
        this.totalSeats = totalSeats;
        this.maxTicketsPerBuyer = maxTicketsPerBuyer;
        touch();
    }

    /** A change made elsewhere (the venue's name) that the concert's events carry: a new revision. */
    public void touch() {
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
