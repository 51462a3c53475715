package dev.portico.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many requests at once from a pool of client threads, started together, for throttle and quota tests. */
final class Load {

    private Load() {
    }

    /** Sends {@code total} requests, {@code concurrency} at a time; request {@code i} is {@code send.apply(i)}. */
    static List<HttpResponse<String>> run(int total, int concurrency, IntFunction<HttpResponse<String>> send) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return send.apply(index);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("load run failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<HttpResponse<String>> responses, int status, String message) {
        return responses.stream().filter(r -> r.statusCode() == status)
                .filter(r -> message == null || message.equals(Json.parse(r.body()).path("message").asText()))
                .count();
    }
}
