package com.tickitecking.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} options of a benchmark ({@code ./tickitecking bench …}), read one way for every bench:
 * unknown or malformed options are refused with the bench's usage text, {@code --help} asks for that text.
 */
public final class BenchArguments {

    private final Map<String, String> given;

    private BenchArguments(Map<String, String> given) {
        this.given = given;
    }

    /** Null when {@code --help} was asked for; throws IllegalArgumentException on an unknown or malformed option. */
    public static BenchArguments parse(List<String> args, Set<String> names, String usage) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue; // an empty bench.args
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + usage);
            }
            given.put(name, arg.substring(equals + 1));
        }
        return new BenchArguments(given);
    }

    public String text(String name, String fallback) {
        return given.getOrDefault(name, fallback);
    }

    /** A whole number of at least {@code min}, or the fallback when the option was not given. */
    public int count(String name, int fallback, int min) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= min) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min + ", not " + value);
    }
}
