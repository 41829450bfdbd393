package org.openmilkbank.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For race tests that hold a transaction open until the test lets it commit. */
public final class Latches {

    private Latches() {}

    public static void awaitCommit(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
