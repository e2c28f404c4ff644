package com.tickitecking.user.user;

/** 8 to 15 characters with at least one letter, one digit and one character that is neither. */
public final class PasswordPolicy {

    public static final String PATTERN = "^(?=.*[A-Za-z])(?=.*\\d)(?=.*[^A-Za-z0-9]).{8,15}$";
    public static final String MESSAGE = "must be 8-15 characters with a letter, a digit and a special character";

    private PasswordPolicy() {
    }

    public static boolean accepts(String password) {
        return password != null && password.matches(PATTERN);
    }
}
