package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageKindTest {

    @Test
    void readsEitherKindWhateverItsCaseAndBlanks() {
        assertThat(ImageKind.parse("POSTER")).isEqualTo(ImageKind.POSTER);
        assertThat(ImageKind.parse(" gallery ")).isEqualTo(ImageKind.GALLERY);
        assertThat(ImageKind.parse("Poster")).isEqualTo(ImageKind.POSTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BANNER", "", "POSTERS", "0"})
    void refusesAnyOtherKindNamingTheField(String value) {
        assertThatThrownBy(() -> ImageKind.parse(value)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.properties()).containsEntry("errors",
                    List.of(new DomainException.FieldError("kind", "must be POSTER or GALLERY")));
        });
    }
}
