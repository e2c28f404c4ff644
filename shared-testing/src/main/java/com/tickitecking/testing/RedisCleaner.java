package com.tickitecking.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Deletes a test class's Redis keys before it starts, speaking RESP over a socket so it works whichever Redis
 * client (Lettuce, Redisson) the service under test uses.
 */
final class RedisCleaner {

    private static final String DELETE_BY_PATTERN = """
            local cursor = '0'
            repeat
              local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
              cursor = page[1]
              for _, key in ipairs(page[2]) do redis.call('DEL', key) end
            until cursor == '0'
            return 1""";

    private RedisCleaner() {
    }

    static void deleteKeys(TestServers.Redis redis, String prefix) {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(command("EVAL", DELETE_BY_PATTERN, "0", prefix + "*"));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first == '-') {
                throw new IllegalStateException("Redis refused the clean-up: " + new String(in.readNBytes(200), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis clean-up failed", e);
        }
    }

    private static byte[] command(String... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, "*" + parts.length + "\r\n");
        for (String part : parts) {
            byte[] data = part.getBytes(StandardCharsets.UTF_8);
            write(bytes, "$" + data.length + "\r\n");
            bytes.writeBytes(data);
            write(bytes, "\r\n");
        }
        return bytes.toByteArray();
    }

    private static void write(ByteArrayOutputStream bytes, String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
