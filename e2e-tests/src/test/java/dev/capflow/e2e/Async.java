package dev.capflow.e2e;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs a blocking call on another thread, so that a test can disturb the system while the call is under way. */
final class Async {

    private Async() {}

    static <T> CompletableFuture<T> call(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }
}
