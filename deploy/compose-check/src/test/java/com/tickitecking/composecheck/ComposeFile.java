package com.tickitecking.composecheck;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a compose file this check needs, read with SnakeYAML (which applies the {@code <<} merge keys
 * the file uses) so the check needs no Docker tools. Values with {@code ${...}} interpolation are refused:
 * resolving them is compose's job, and guessing here would check something else than compose runs.
 */
record ComposeFile(Path directory, Map<String, Service> services) {

    /** One compose service. {@code volumes} maps a container path to a host folder/file or a named volume. */
    record Service(String name, String image, Map<String, String> buildArgs, Map<String, String> environment,
                   Map<String, String> volumes, Map<String, String> dependsOn, List<String> entrypoint,
                   List<String> command) {

        boolean built() {
            return buildArgs != null;
        }

        /** The condition compose waits for before starting this service after {@code other}, or null. */
        String waitsFor(String other) {
            return dependsOn.get(other);
        }
    }

    static ComposeFile read(Path file) {
        try {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            Map<String, Service> services = new LinkedHashMap<>();
            map(root.get("services")).forEach((name, value) -> services.put(name, service(name, map(value))));
            return new ComposeFile(file.toAbsolutePath().getParent(), services);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Service service(String name, Map<String, Object> yaml) {
        Map<String, String> buildArgs = null;
        if (yaml.get("build") instanceof Map<?, ?> build) {
            buildArgs = strings(build.get("args"));
        }
        Map<String, String> volumes = new LinkedHashMap<>();
        for (Object volume : list(yaml.get("volumes"))) {
            String[] parts = ((String) volume).split(":");
            volumes.put(parts[1], parts[0]);
        }
        Map<String, String> dependsOn = new LinkedHashMap<>();
        Object depends = yaml.get("depends_on");
        if (depends instanceof List<?> names) {
            names.forEach(n -> dependsOn.put((String) n, "service_started"));
        } else if (depends instanceof Map<?, ?> conditions) {
            conditions.forEach((n, c) -> dependsOn.put((String) n, (String) map(c).getOrDefault("condition", "service_started")));
        }
        return new Service(name, (String) yaml.get("image"), buildArgs, environment(name, yaml.get("environment")),
                volumes, dependsOn, words(yaml.get("entrypoint")), words(yaml.get("command")));
    }

    private static Map<String, String> environment(String service, Object yaml) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (yaml instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = ((String) entry).split("=", 2);
                environment.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
        } else {
            environment.putAll(strings(yaml));
        }
        environment.forEach((key, value) -> {
            if (value.contains("${")) {
                throw new IllegalStateException(service + ": " + key + "=" + value + " uses interpolation, which this check does not resolve");
            }
        });
        return environment;
    }

    private static Map<String, String> strings(Object yaml) {
        Map<String, String> values = new LinkedHashMap<>();
        map(yaml).forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
        return values;
    }

    private static List<String> words(Object yaml) {
        if (yaml == null) {
            return List.of();
        }
        if (yaml instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of("sh", "-c", String.valueOf(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, Object>) yaml;
    }

    private static List<Object> list(Object yaml) {
        return yaml == null ? List.of() : new ArrayList<>((List<?>) yaml);
    }
}
