-- Run once by the mysql image on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service (utf8mb4 in the server's default collation, so MariaDB runs this file too,
-- as the compose check does); each service owns its schema through Flyway.
-- One local-only login per service, allowed onto its own database only, so a
-- service that reaches into another one's tables fails locally as it would on AWS.
CREATE DATABASE IF NOT EXISTS tickitecking_user        CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS tickitecking_concert     CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS tickitecking_seat        CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS tickitecking_reservation CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS tickitecking_media       CHARACTER SET utf8mb4;

CREATE USER IF NOT EXISTS 'user_service'@'%'        IDENTIFIED BY 'local-user-service';
CREATE USER IF NOT EXISTS 'concert_service'@'%'     IDENTIFIED BY 'local-concert-service';
CREATE USER IF NOT EXISTS 'seat_service'@'%'        IDENTIFIED BY 'local-seat-service';
CREATE USER IF NOT EXISTS 'reservation_service'@'%' IDENTIFIED BY 'local-reservation-service';
CREATE USER IF NOT EXISTS 'media_service'@'%'       IDENTIFIED BY 'local-media-service';

GRANT ALL PRIVILEGES ON tickitecking_user.*        TO 'user_service'@'%';
GRANT ALL PRIVILEGES ON tickitecking_concert.*     TO 'concert_service'@'%';
GRANT ALL PRIVILEGES ON tickitecking_seat.*        TO 'seat_service'@'%';
GRANT ALL PRIVILEGES ON tickitecking_reservation.* TO 'reservation_service'@'%';
GRANT ALL PRIVILEGES ON tickitecking_media.*       TO 'media_service'@'%';
FLUSH PRIVILEGES;
