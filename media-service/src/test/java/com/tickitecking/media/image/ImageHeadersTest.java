package com.tickitecking.media.image;

import com.tickitecking.media.TestImages;
import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHeadersTest {

    @Test
    void readsPngJpegAndGifSizesFromTheirHeaders() throws IOException {
        assertThat(read(TestImages.png(640, 480))).isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.PNG, 640, 480));
        assertThat(read(TestImages.jpeg(300, 200))).isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.JPEG, 300, 200));
        assertThat(read(TestImages.gif(12, 34))).isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.GIF, 12, 34));
    }

    @Test
    void readsAllThreeWebpFlavours() throws IOException {
        assertThat(read(TestImages.webp(1000, 16383))).isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.WEBP, 1000, 16383));
        assertThat(read(webp("VP8 ", new byte[]{0, 0, 0, (byte) 0x9D, 0x01, 0x2A, (byte) 0x80, 0x02, (byte) 0xE0, 0x01})))
                .isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.WEBP, 640, 480));
        assertThat(read(webp("VP8X", new byte[]{0, 0, 0, 0, (byte) 0xFF, 0x0E, 0, 0x37, 0x08, 0})))
                .isEqualTo(new ImageHeaders.DetectedImage(ImageFormat.WEBP, 3840, 2104));
    }

    @Test
    void refusesAnythingElseAsUnsupportedMediaType() {
        for (byte[] bytes : new byte[][]{TestImages.exe(), TestImages.html(), new byte[0], "GIF8".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(TestImages.png(4, 4), 12), Arrays.copyOf(TestImages.jpeg(4, 4), 20), webp("VP9 ", new byte[10])}) {
            assertThatThrownBy(() -> read(bytes)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.UNSUPPORTED_CONTENT));
        }
    }

    @Test
    void namesTheAcceptedTypesWhenRefusing() {
        assertThatThrownBy(() -> read(TestImages.html())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.title()).isEqualTo("Unsupported media type");
            assertThat(e.getMessage()).isEqualTo("Only JPEG, PNG, GIF and WebP images are accepted.");
            assertThat(e.properties()).containsEntry("accepted", List.of("image/jpeg", "image/png", "image/gif", "image/webp"));
        });
    }

    @Test
    void refusesAnImageCutOffInsideItsHeader() {
        byte[] cut = Arrays.copyOf(TestImages.jpeg(4, 4), 20);

        assertThatThrownBy(() -> read(cut)).isInstanceOf(DomainException.class).hasMessage("The image is truncated.");
    }

    @Test
    void refusesAJpegWithoutAFrameHeader() {
        byte[] startThenEnd = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

        assertThatThrownBy(() -> read(startThenEnd)).isInstanceOf(DomainException.class)
                .hasMessage("The JPEG image has no frame header.");
    }

    @Test
    void refusesAPngWhoseFirstChunkIsNotItsHeader() {
        byte[] png = TestImages.png(4, 4);
        png[12] = 'X'; // IHDR -> XHDR

        assertThatThrownBy(() -> read(png)).isInstanceOf(DomainException.class)
                .hasMessage("The PNG image has no header chunk.");
    }

    @Test
    void refusesAnImageOfZeroPixels() {
        byte[] gif = Arrays.copyOf("GIF89a".getBytes(StandardCharsets.US_ASCII), 13); // width and height 0

        assertThatThrownBy(() -> read(gif)).isInstanceOf(DomainException.class)
                .hasMessage("The GIF image has no size.");
    }

    private static ImageHeaders.DetectedImage read(byte[] bytes) throws IOException {
        return ImageHeaders.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] webp(String chunk, byte[] data) {
        return ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length).put(data).array();
    }
}
