package com.tickitecking.concert.auditorium;

import com.tickitecking.events.SeatingLayout;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A venue owned by a company user: where it is and how its seats are laid out. */
@Entity
@Table(name = "auditorium")
public class Auditorium {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id")
    private long ownerId;

    private String name;

    private String address;

    @Convert(converter = SeatingLayoutConverter.class)
    private SeatingLayout layout;

    @Column(name = "total_seats")
    private int totalSeats;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Auditorium() {
    }

    public Auditorium(long ownerId, String name, String address, SeatingLayout layout) {
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
        change(name, address, layout);
    }

    public void change(String name, String address, SeatingLayout layout) {
        this.name = name;
        this.address = address;
        this.layout = layout;
        this.totalSeats = layout.totalSeats();
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public SeatingLayout getLayout() {
        return layout;
    }

    public int getTotalSeats() {
        return totalSeats;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
