package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Recognises an image by its first bytes (never by its name or the client's Content-Type) and reads its width
 * and height from the format's header, without decoding pixels. Anything else is refused as unsupported content.
 */
final class ImageHeaders {

    /** An image's format and size in pixels. */
    record DetectedImage(ImageFormat format, int width, int height) {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageHeaders() {
    }

    static DetectedImage read(InputStream stream) throws IOException {
        var in = new DataInputStream(new java.io.BufferedInputStream(stream));
        byte[] head = new byte[12];
        int n = in.readNBytes(head, 0, head.length);
        try {
            if (n >= 3 && u8(head[0]) == 0xFF && u8(head[1]) == 0xD8 && u8(head[2]) == 0xFF) {
                return jpeg(in, head, n);
            }
            if (n == 12 && startsWith(head, PNG_SIGNATURE)) {
                return png(in, head);
            }
            if (n >= 10 && (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a")))) {
                return gif(head);
            }
            if (n == 12 && startsWith(head, ascii("RIFF")) && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
                return webp(in);
            }
        } catch (EOFException e) {
            throw unsupported("The image is truncated.");
        }
        throw unsupported("Only JPEG, PNG, GIF and WebP images are accepted.");
    }

    /** JPEG: walk the segments up to a start-of-frame marker, which holds the size. */
    private static DetectedImage jpeg(DataInputStream in, byte[] head, int headLength) throws IOException {
        // head = FF D8 FF <marker> <len:2> ... : start with the marker after SOI
        var rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 3, headLength - 3), in);
        var data = new DataInputStream(rest);
        int marker = data.readUnsignedByte();
        while (true) {
            while (marker == 0xFF) { // fill bytes
                marker = data.readUnsignedByte();
            }
            if (marker == 0xD9 || marker == 0xDA) { // end of image or start of scan before any frame header
                throw unsupported("The JPEG image has no frame header.");
            }
            int length = data.readUnsignedShort();
            if (length < 2) {
                throw unsupported("The JPEG image is malformed.");
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                data.readUnsignedByte(); // sample precision
                int height = data.readUnsignedShort();
                int width = data.readUnsignedShort();
                return sized(ImageFormat.JPEG, width, height);
            }
            data.skipNBytes(length - 2);
            if (data.readUnsignedByte() != 0xFF) {
                throw unsupported("The JPEG image is malformed.");
            }
            marker = data.readUnsignedByte();
        }
    }

    /** PNG: the first chunk must be IHDR, whose data starts with width and height (big-endian). */
    private static DetectedImage png(DataInputStream in, byte[] head) throws IOException {
        // head[8..11] is the IHDR chunk's length
        byte[] chunkType = in.readNBytes(4);
        if (!startsWith(chunkType, ascii("IHDR"))) {
            throw unsupported("The PNG image has no header chunk.");
        }
        int width = in.readInt();
        int height = in.readInt();
        return sized(ImageFormat.PNG, width, height);
    }

    /** GIF: the logical screen size follows the signature (little-endian). */
    private static DetectedImage gif(byte[] head) {
        int width = u8(head[6]) | u8(head[7]) << 8;
        int height = u8(head[8]) | u8(head[9]) << 8;
        return sized(ImageFormat.GIF, width, height);
    }

    /** WebP: RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
    private static DetectedImage webp(DataInputStream in) throws IOException {
        byte[] chunk = in.readNBytes(4);
        in.skipNBytes(4); // chunk size
        byte[] data = new byte[10];
        in.readFully(data);
        if (startsWith(chunk, ascii("VP8 "))) {
            // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height
            if (u8(data[3]) != 0x9D || u8(data[4]) != 0x01 || u8(data[5]) != 0x2A) {
                throw unsupported("The WebP image is malformed.");
            }
            int width = (u8(data[6]) | u8(data[7]) << 8) & 0x3FFF;
            int height = (u8(data[8]) | u8(data[9]) << 8) & 0x3FFF;
            return sized(ImageFormat.WEBP, width, height);
        }
        if (startsWith(chunk, ascii("VP8L"))) {
            if (u8(data[0]) != 0x2F) {
                throw unsupported("The WebP image is malformed.");
            }
            long bits = u8(data[1]) | u8(data[2]) << 8 | u8(data[3]) << 16 | (long) u8(data[4]) << 24;
            int width = (int) (bits & 0x3FFF) + 1;
            int height = (int) ((bits >> 14) & 0x3FFF) + 1;
            return sized(ImageFormat.WEBP, width, height);
        }
        if (startsWith(chunk, ascii("VP8X"))) {
            // flags (1) and reserved (3), then canvas width - 1 and height - 1, 24 bits each
            int width = (u8(data[4]) | u8(data[5]) << 8 | u8(data[6]) << 16) + 1;
            int height = (u8(data[7]) | u8(data[8]) << 8 | u8(data[9]) << 16) + 1;
            return sized(ImageFormat.WEBP, width, height);
        }
        throw unsupported("The WebP image is malformed.");
    }

    private static DetectedImage sized(ImageFormat format, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw unsupported("The " + format + " image has no size.");
        }
        return new DetectedImage(format, width, height);
    }

    private static DomainException unsupported(String detail) {
        return new DomainException(DomainException.Kind.UNSUPPORTED_CONTENT, "Unsupported media type", detail)
                .with("accepted", java.util.List.of("image/jpeg", "image/png", "image/gif", "image/webp"));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int u8(byte b) {
        return b & 0xFF;
    }
}
