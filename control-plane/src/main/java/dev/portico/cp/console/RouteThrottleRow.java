package dev.portico.cp.console;

/** One route's throttle row of a stage's form ({@code routes[i]} holds its route key). */
public record RouteThrottleRow(int index, String routeKey, String rate, String burst, String rateError,
                               String burstError, String error) {

    static RouteThrottleRow of(Form form, int index, String routeKey) {
        String prefix = "routes[" + index + "]";
        return new RouteThrottleRow(index, routeKey, form.value(prefix + ".rateLimit"), form.value(prefix + ".burstLimit"),
                form.error(prefix + ".rateLimit"), form.error(prefix + ".burstLimit"), form.error(prefix));
    }

    public String field() {
        return "routes[" + index + "]";
    }
}
