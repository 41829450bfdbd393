package org.openmilkbank.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Where the demo bank stands on this start. Its staff are made before the web server opens its port; its donors,
 * milk, runs and infants are built in one transaction on a thread of their own while the sign-in page already
 * answers, and every page says so until they are there.
 */
@Component
class DemoProgress {

    enum State {
        /** No demo is being built on this start (switched off, a hub, or the database already holds a bank). */
        NONE,
        PREPARING,
        READY,
        /** Rolled back: the bank runs empty and the log says why. */
        FAILED
    }

    private volatile State state = State.NONE;
    private volatile CountDownLatch settled = new CountDownLatch(0);

    State state() {
        return state;
    }

    boolean preparing() {
        return state == State.PREPARING;
    }

    void started() {
        settled = new CountDownLatch(1);
        state = State.PREPARING;
    }

    void finished(boolean built) {
        state = built ? State.READY : State.FAILED;
        settled.countDown();
    }

    /** Waits until the demo is built or given up, at most {@code timeout}; the state it ended in. */
    State awaitSettled(Duration timeout) throws InterruptedException {
        settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return state;
    }
}
