package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;

/**
 * The client's file name is kept for display only (objects are stored under random keys), but a name that
 * carries a path or control characters is refused: it is a client bug or a probe, never a real image name.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String sanitised(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            throw DomainException.invalid("file", "must have a file name");
        }
        String name = submitted.strip();
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            throw DomainException.invalid("file", "name must not contain a path");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw DomainException.invalid("file", "name must not contain control characters");
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
