package org.openmilkbank.shared;

/**
 * Which page of a list a reader asks for: pages count from 1; the size defaults to {@value #DEFAULT_SIZE} and is
 * held at {@value #MAX_SIZE} so one request never reads a whole table. A page or size below 1 is refused.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 1) {
            throw new RuleViolation("paging.page.invalid", page);
        }
        if (size < 1) {
            throw new RuleViolation("paging.size.invalid", size, MAX_SIZE);
        }
        size = Math.min(size, MAX_SIZE);
    }

    /** From the request's {@code page} and {@code size} parameters, either of which may be absent. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /** Rows to skip before this page, for SQL {@code offset}. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The same page as Spring Data's request (0-based), for repositories that page with a count query. */
    public org.springframework.data.domain.Pageable pageable() {
        return org.springframework.data.domain.PageRequest.of(page - 1, size);
    }
}
