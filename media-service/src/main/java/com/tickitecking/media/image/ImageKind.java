package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;

import java.util.Locale;

/** What an image is for: the one poster shown with a concert, or one of its gallery pictures. */
public enum ImageKind {
    POSTER,
    GALLERY;

    static ImageKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "must be POSTER or GALLERY");
        }
    }
}
