package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNamesTest {

    @Test
    void keepsAPlainNameWithoutSurroundingBlanks() {
        assertThat(FileNames.sanitised("  poster of the night.png ")).isEqualTo("poster of the night.png");
    }

    @Test
    void keepsNamesInAnyScript() {
        assertThat(FileNames.sanitised("공연 포스터.jpg")).isEqualTo("공연 포스터.jpg");
    }

    @Test
    void cutsALongNameToTheColumnWidth() {
        String name = "a".repeat(300) + ".png";

        assertThat(FileNames.sanitised(name)).hasSize(FileNames.MAX_LENGTH).isEqualTo("a".repeat(FileNames.MAX_LENGTH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesAMissingName(String name) {
        assertRefused(name, "must have a file name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.png", "a/b.png", "/etc/passwd", "c:\\windows\\x.png", ".", ".."})
    void refusesANameCarryingAPath(String name) {
        assertRefused(name, "name must not contain a path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000.png", "line\nbreak.png", "bell\u0007.png", "del\u007F.png"})
    void refusesControlCharacters(String name) {
        assertRefused(name, "name must not contain control characters");
    }

    private static void assertRefused(String name, String reason) {
        assertThatThrownBy(() -> FileNames.sanitised(name)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).isEqualTo(reason);
            assertThat(e.properties()).containsEntry("errors", List.of(new DomainException.FieldError("file", reason)));
        });
    }
}
