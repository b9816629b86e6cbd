package org.posturecoach.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each API path accepts, read once from the resource classes' JAX-RS annotations, for the {@code Allow}
 * header of a 405 (RFC 9110 section 15.5.6 requires it; Quarkus REST throws its 405 without one). A path matches the
 * templates of the most literal length, as JAX-RS selects them ({@code /assessments/preview} before
 * {@code /assessments/{id}}); HEAD comes with GET and OPTIONS always, as Quarkus REST answers both.
 */
public final class AllowedMethods {

    // Declared before API, whose initialiser uses it.
    private static final Pattern PARAM = Pattern.compile("\\{[^}]*}");

    /** Every resource class of the API; {@code AllowedMethodsTest} checks that none is missing. */
    public static final AllowedMethods API = of(AssessmentResource.class, ExerciseResource.class,
            IntakeResource.class, KnowledgeBaseResource.class, QuestionnaireResource.class);

    private record Route(Pattern pattern, int literalLength, String method) {
    }

    private final List<Route> routes;
    private final List<Class<?>> resources;

    private AllowedMethods(List<Route> routes, List<Class<?>> resources) {
        this.routes = List.copyOf(routes);
        this.resources = List.copyOf(resources);
    }

    /** The resource classes read. */
    List<Class<?>> resources() {
        return resources;
    }

    static AllowedMethods of(Class<?>... resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = path(resource.getAnnotation(Path.class));
            for (Method m : resource.getMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    String template = join(base, path(m.getAnnotation(Path.class)));
                    routes.add(new Route(pattern(template), PARAM.matcher(template).replaceAll("").length(), http));
                }
            }
        }
        return new AllowedMethods(routes, List.of(resources));
    }

    /**
     * The path to match against the templates: the decoded path, except where the raw one holds an encoded slash
     * ({@code %2F}), which the router keeps inside its segment ({@code /assessments/a%2Fb} is the assessment "a/b", not
     * a longer path): then the raw path with its other escapes decoded.
     */
    public static String matchPath(String decodedPath, String rawPath) {
        if (rawPath == null || !rawPath.toUpperCase(java.util.Locale.ROOT).contains("%2F")) {
            return decodedPath;
        }
        return new String(Requests.percentDecoded(rawPath, true), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Allow header value for a request path ("GET, HEAD, OPTIONS"), or null when no resource has the path. */
    public String allow(String requestPath) {
        Set<String> methods = methods(requestPath);
        return methods == null ? null : String.join(", ", methods);
    }

    /**
     * Whether a path takes a method, by the most literal templates it matches, as JAX-RS selects them: false for
     * {@code GET /api/v1/assessments/preview}, which Quarkus REST would otherwise hand to {@code GET /{id}}. A path no
     * resource has is left to the router (its 404).
     */
    public boolean accepts(String requestPath, String method) {
        Set<String> methods = methods(requestPath);
        return methods == null || methods.contains(method);
    }

    /** The methods of the most literal templates a path matches, HEAD with GET, OPTIONS always; null for none. */
    private Set<String> methods(String requestPath) {
        String p = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        int best = -1;
        Set<String> methods = new TreeSet<>();
        for (Route r : routes) {
            if (!r.pattern().matcher(p).matches() || r.literalLength() < best) {
                continue;
            }
            if (r.literalLength() > best) {
                best = r.literalLength();
                methods.clear();
            }
            methods.add(r.method());
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return methods;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String path(Path p) {
        return p == null ? "" : p.value();
    }

    private static String join(String base, String sub) {
        String b = base.startsWith("/") ? base : "/" + base;
        if (sub.isEmpty()) {
            return b;
        }
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + (sub.startsWith("/") ? sub : "/" + sub);
    }

    /** "/a/{id}/b" → ^/a/[^/]+/b$, literals quoted. */
    private static Pattern pattern(String template) {
        StringBuilder re = new StringBuilder();
        java.util.regex.Matcher m = PARAM.matcher(template);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(at, m.start()))).append("[^/]+");
            at = m.end();
        }
        re.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(re.toString());
    }
}
