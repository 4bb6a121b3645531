package dev.capflow.grpc.paging;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One page of a list ordered by a text key (keyset paging: a page continues after the last key served, so inserts
 * and deletes between pages neither repeat nor skip the items that stay).
 *
 * @param items         the page's items, in key order
 * @param nextPageToken the token of the next page; empty on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

    /**
     * The page {@code request} asks for out of {@code all}, which is sorted here by {@code key} (code-point order of
     * the key, which must be unique per item).
     */
    public static <T> Page<T> of(List<T> all, Function<T, String> key, PageRequest request) {
        List<T> after = all.stream()
                .sorted(Comparator.comparing(key))
                .filter(item -> request.after() == null || key.apply(item).compareTo(request.after()) > 0)
                .limit(request.size() + 1L)
                .toList();
        if (after.size() <= request.size()) {
            return new Page<>(after, "");
        }
        List<T> items = after.subList(0, request.size());
        return new Page<>(items, request.tokenAfter(key.apply(items.get(items.size() - 1))));
    }

    /**
     * The page {@code request} asks for out of an append-only list kept in its own order (a history: items are only
     * ever added at its end), keyed by position.
     */
    public static <T> Page<T> inOrder(List<T> all, PageRequest request) {
        List<Integer> positions = IntStream.range(0, all.size()).boxed().toList();
        Page<Integer> page = of(positions, position -> String.format("%010d", position), request);
        return new Page<>(page.items().stream().map(all::get).toList(), page.nextPageToken());
    }
}
