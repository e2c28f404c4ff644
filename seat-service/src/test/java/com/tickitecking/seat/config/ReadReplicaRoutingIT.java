package com.tickitecking.seat.config;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import com.tickitecking.seat.SeatEvents;
import com.tickitecking.seat.concert.LayoutJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read/write split against two real databases: the "replica" is a second database with different content
 * (no replication here, so what a read returns tells which database answered it).
 */
@IntegrationTest
class ReadReplicaRoutingIT {

    static final String REPLICA = "it_replica_routing";

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        var database = TestServers.database();
        try (var connection = DriverManager.getConnection(database.jdbcBase() + "/", database.username(), database.password());
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + REPLICA);
            statement.execute("CREATE DATABASE " + REPLICA);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("tickitecking.datasource.replica.url", () -> database.url(REPLICA));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("sourceDataSource")
    DataSource source;
    @Autowired
    @Qualifier("replicaDataSource")
    DataSource replica;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;

    JdbcTemplate onSource;
    JdbcTemplate onReplica;

    @BeforeEach
    void setUp() {
        onSource = new JdbcTemplate(source);
        onReplica = new JdbcTemplate(replica);
    }

    @Test
    void flywayMigratesTheSourceOnly() {
        assertThat(tables(onSource)).contains("flyway_schema_history", "seat", "concert", "outbox_event");
        assertThat(tables(onReplica)).doesNotContain("flyway_schema_history", "seat");
    }

    @Test
    void readOnlyTransactionsReadTheReplicaWhileWritesGoToTheSource() {
        // The replica gets the schema by hand (as replication would) and a concert the source never had; written
        // through the source's connection because the replica pool's connections are read-only.
        onSource.execute("CREATE TABLE IF NOT EXISTS " + REPLICA + ".concert LIKE concert");
        onSource.update("DELETE FROM " + REPLICA + ".concert");
        onSource.update("INSERT INTO " + REPLICA + ".concert (concert_id, owner_id, name, start_time, revision, total_seats, layout_json, grades_json) "
                        + "VALUES (701, 9, 'Only on the replica', '2027-01-01 20:00:00', 1, 44, ?, '[]')",
                LayoutJson.write(SeatEvents.layout()));
        var events = new SeatEvents(queuePrefix, jdbc);
        var http = TestHttp.at(port);

        // A write (the event handler) lands on the source only.
        events.publishAndAwait(ConcertCreated.of(702, 1, SeatEvents.twoSections(9)));
        assertThat(onSource.queryForObject("SELECT COUNT(*) FROM seat WHERE concert_id = 702", Integer.class)).isEqualTo(44);
        assertThat(onReplica.queryForObject("SELECT COUNT(*) FROM concert WHERE concert_id = 702", Integer.class)).isZero();

        // The seat map is read-only work: it sees the replica's concert and not the source's.
        var fromReplica = http.get("/api/v1/concerts/701/seats");
        assertThat(fromReplica.status()).as(fromReplica.toString()).isEqualTo(200);
        assertThat(fromReplica.json().get("totalSeats").asInt()).isEqualTo(44);
        assertThat(http.get("/api/v1/concerts/702/seats").status()).isEqualTo(404);

        // The availability rebuild deliberately reads the source (no read-only transaction).
        assertThat(http.get("/api/v1/concerts/702/seats/availability").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/concerts/701/seats/availability").status()).isEqualTo(404);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
    }
}
