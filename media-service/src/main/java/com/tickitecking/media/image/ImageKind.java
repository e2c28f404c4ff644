package com.tickitecking.media.image;

import com.tickitecking.platform.web.ApiException;

import java.util.Locale;

/** What an image is for: the one poster shown with a concert, or one of its gallery pictures. */
public enum ImageKind {
    POSTER,
    GALLERY;

    static ImageKind parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "must be POSTER or GALLERY");
        }
    }
}
