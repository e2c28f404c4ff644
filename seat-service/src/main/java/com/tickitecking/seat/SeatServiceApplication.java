package com.tickitecking.seat;

import com.tickitecking.seat.seat.SeatWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SeatServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeatServiceApplication.class, args);
    }

    @Bean
    SeatWriter seatWriter(JdbcTemplate jdbc, SeatProperties properties) {
        return new SeatWriter(jdbc, properties.insertBatchSize());
    }
}
