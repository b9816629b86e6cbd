package org.posturecoach.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The Allow header of a 405: the methods of the most literal matching templates, HEAD with GET, OPTIONS always. */
class AllowedMethodsTest {

    @Test
    void eachPathNamesItsOwnMethods() {
        AllowedMethods api = AllowedMethods.API;
        assertEquals("GET, HEAD, OPTIONS, POST", api.allow("/api/v1/assessments"));
        assertEquals("GET, HEAD, OPTIONS", api.allow("/api/v1/assessments/3f1c"));
        // A literal segment is a better match than a template: preview is POST only, not the GET of /{id}.
        assertEquals("OPTIONS, POST", api.allow("/api/v1/assessments/preview"));
        assertEquals("OPTIONS, POST", api.allow("/api/v1/assessments/3f1c/replay"));
        assertEquals("OPTIONS, POST", api.allow("/api/v1/intakes"));
        assertEquals("GET, HEAD, OPTIONS", api.allow("/api/v1/intakes/3f1c/"));
        assertEquals("OPTIONS, POST", api.allow("/api/v1/intakes/3f1c/answers"));
        assertEquals("GET, HEAD, OPTIONS", api.allow("/api/v1/questionnaire"));
        assertEquals("GET, HEAD, OPTIONS", api.allow("/api/v1/exercises/chin-tuck"));
        // Near misses: a path no resource has, and one segment too many.
        assertNull(api.allow("/api/v1/nothing"));
        assertNull(api.allow("/api/v1/exercises/a/b"));
    }

    /** Every class of this package with a JAX-RS @Path is in {@link AllowedMethods#API}. */
    @Test
    void everyResourceClassIsListed() throws Exception {
        Path dir = Path.of(AllowedMethods.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/posturecoach/rest");
        Set<String> resources = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = "org.posturecoach.rest." + f.getFileName().toString().replace(".class", "");
                if (Class.forName(name).isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
        }
        assertEquals(5, resources.size(), resources.toString());
        Set<String> listed = new TreeSet<>();
        AllowedMethods.API.resources().forEach(c -> listed.add(c.getSimpleName()));
        assertEquals(resources, listed, "a new resource class belongs in AllowedMethods.API");
    }
}
