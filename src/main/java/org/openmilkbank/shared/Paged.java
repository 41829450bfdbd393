package org.openmilkbank.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list with the total count of every matching row, so a reader always knows that there is more
 * and how to reach it: lists never stop silently. {@code page} counts from 1.
 */
public record Paged<T>(List<T> items, int page, int size, long total, boolean hasNext) {

    public Paged {
        items = List.copyOf(items);
        if (page < 1 || size < 1 || total < 0) {
            throw new IllegalArgumentException("page " + page + ", size " + size + ", total " + total);
        }
        hasNext = (long) page * size < total;
    }

    public Paged(List<T> items, PageRequest request, long total) {
        this(items, request.page(), request.size(), total, false);
    }

    /** A page from rows read with {@code count(*) over ()}: the total is in every row, or the page is empty. */
    public static <T> Paged<T> of(List<T> items, PageRequest request, long totalIfEmpty) {
        return new Paged<>(items, request, totalIfEmpty);
    }

    /** A page of Spring Data's, read with a count query. */
    public static <T> Paged<T> of(org.springframework.data.domain.Page<T> page, PageRequest request) {
        return new Paged<>(page.getContent(), request, page.getTotalElements());
    }

    /**
     * A page cut from a list already read whole (a bounded list, or one whose query does not page yet): the
     * total is still the list's true size.
     */
    public static <T> Paged<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = (int) Math.min(request.offset() + request.size(), all.size());
        return new Paged<>(all.subList(from, to), request, all.size());
    }

    public <R> Paged<R> map(Function<? super T, ? extends R> mapper) {
        return new Paged<>(items.stream().<R>map(mapper).toList(), page, size, total, hasNext);
    }

    /** The 1-based position of this page's first item, 0 when it is empty: showing 51–100 of 1,234. */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** The 1-based position of this page's last item, 0 when it is empty. */
    public long last() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + items.size();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
