package dev.portico.cp.testing;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every JAX-RS endpoint the control plane serves, found by reading its compiled classes: a resource
 * added tomorrow is in the list without anyone adding it to a test.
 */
public final class Endpoints {

    /** What stands in for every path parameter: no object has this id. */
    public static final String NO_SUCH_ID = "x0000000000";

    /**
     * One endpoint.
     *
     * @param roles the roles its {@code @RolesAllowed} (method, else class) names; empty when none
     */
    public record Endpoint(String method, String path, String consumes, boolean permitAll, Set<String> roles,
                           Method javaMethod) {

        public boolean reads() {
            return method.equals("GET");
        }

        /** The path with every parameter filled with {@link #NO_SUCH_ID}. */
        public String concretePath() {
            return path.replaceAll("\\{[^}]+}", NO_SUCH_ID);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    /** The endpoints whose path starts with {@code prefix}, in a stable order. */
    public static List<Endpoint> under(String prefix) {
        return all().stream().filter(e -> e.path().startsWith(prefix))
                .sorted(Comparator.comparing(Endpoint::toString)).toList();
    }

    private static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                endpoints.add(new Endpoint(http, path, consumes(resource, method), permitAll(resource, method),
                        roles(resource, method), method));
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String consumes(Class<?> resource, Method method) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes == null ? null : consumes.value()[0];
    }

    private static boolean permitAll(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)) {
            return false;
        }
        return method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class);
    }

    private static Set<String> roles(Class<?> resource, Method method) {
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.isAnnotationPresent(PermitAll.class) ? null : resource.getAnnotation(RolesAllowed.class);
        return roles == null ? Set.of() : Set.copyOf(Arrays.asList(roles.value()));
    }

    /** Every class of the application (not the tests) annotated with {@code @Path}. */
    private static List<Class<?>> resources() {
        try {
            java.nio.file.Path root = Paths.get("target", "classes");   // tests run in the module's directory
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                        .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(Endpoints::load)
                        .filter(c -> c.isAnnotationPresent(Path.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Endpoints.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
