package org.pouch.gateway.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;

class AuditGroupCommitTest {

    private final ExecutorService appenders = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopAppenders() {
        appenders.shutdownNow();
    }

    /** A store that numbers entries as the log does and remembers each commit's size. */
    private static final class CountingStore {
        final AtomicLong next = new AtomicLong();
        final List<Integer> commits = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCommitStarted = new CountDownLatch(1);
        final CountDownLatch firstCommitMayFinish = new CountDownLatch(1);

        List<AuditEntry> store(List<AuditEvent> events) {
            firstCommitStarted.countDown();
            try {
                firstCommitMayFinish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (AuditEvent event : events) {
                if (event.step().equals("refused")) {
                    throw new IllegalArgumentException("the database refuses this one");
                }
            }
            commits.add(events.size());
            List<AuditEntry> entries = new ArrayList<>();
            events.forEach(event -> entries.add(new AuditEntry(next.getAndIncrement(), event)));
            return entries;
        }
    }

    @Test
    void appendsThatArriveDuringACommitShareTheNextOneAndGetConsecutiveIndexes() throws Exception {
        CountingStore store = new CountingStore();
        try (AuditGroupCommit log = new AuditGroupCommit(store::store)) {
            Future<AuditEntry> first = appenders.submit(() -> log.append(event("first")));
            assertThat(store.firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<AuditEntry>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                waiting.add(appenders.submit(() -> log.append(event("waiting-" + n))));
            }
            // The first commit is held until the ten are queued behind it.
            await().until(() -> log.queued() == 10);
            store.firstCommitMayFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).index()).isZero();
            List<Long> indexes = new ArrayList<>();
            for (Future<AuditEntry> append : waiting) {
                indexes.add(append.get(10, TimeUnit.SECONDS).index());
            }
            assertThat(indexes).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(store.commits).containsExactly(1, 10);
        }
    }

    @Test
    void anEventTheStoreRefusesFailsOnlyItsOwnAppend() throws Exception {
        CountingStore store = new CountingStore();
        try (AuditGroupCommit log = new AuditGroupCommit(store::store)) {
            Future<AuditEntry> first = appenders.submit(() -> log.append(event("first")));
            assertThat(store.firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<AuditEntry> refused = appenders.submit(() -> log.append(event("refused")));
            Future<AuditEntry> other = appenders.submit(() -> log.append(event("other")));
            await().until(() -> log.queued() == 2);
            store.firstCommitMayFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).event().step()).isEqualTo("first");
            assertThat(other.get(10, TimeUnit.SECONDS).event().step()).isEqualTo("other");
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the database refuses this one");
            // The shared commit failed as a whole, then each of its events was stored on its own.
            assertThat(store.commits).containsExactly(1, 1);
        }
    }

    @Test
    void theEventsOfOneAppendShareACommitAtConsecutiveIndexesAndFailTogether() throws Exception {
        CountingStore store = new CountingStore();
        try (AuditGroupCommit log = new AuditGroupCommit(store::store)) {
            Future<AuditEntry> first = appenders.submit(() -> log.append(event("first")));
            assertThat(store.firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<AuditEntry>> pair =
                    appenders.submit(() -> log.append(List.of(event("attempted"), event("delivered"))));
            await().until(() -> log.queued() == 1);
            Future<List<AuditEntry>> refusedPair =
                    appenders.submit(() -> log.append(List.of(event("attempted-too"), event("refused"))));
            await().until(() -> log.queued() == 2);
            store.firstCommitMayFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).index()).isZero();
            assertThat(pair.get(10, TimeUnit.SECONDS))
                    .extracting(AuditEntry::index, entry -> entry.event().step())
                    .containsExactly(tuple(1L, "attempted"), tuple(2L, "delivered"));
            assertThatThrownBy(() -> refusedPair.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalArgumentException.class);
            // Both pairs tried in one commit, then each alone: the good pair stored whole, the other not at
            // all, so its first event took no index.
            assertThat(store.commits).containsExactly(1, 2);
            assertThat(store.next).hasValue(3);
        }
    }

    @Test
    void anAppendIsNeverSplitAcrossCommits() throws Exception {
        CountingStore store = new CountingStore();
        try (AuditGroupCommit log = new AuditGroupCommit(store::store)) {
            Future<AuditEntry> first = appenders.submit(() -> log.append(event("first")));
            assertThat(store.firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<AuditEvent> almostFull = new ArrayList<>();
            for (int i = 0; i < AuditGroupCommit.MAX_BATCH - 1; i++) {
                almostFull.add(event("bulk-" + i));
            }
            Future<List<AuditEntry>> bulk = appenders.submit(() -> log.append(almostFull));
            await().until(() -> log.queued() == 1);
            Future<List<AuditEntry>> pair =
                    appenders.submit(() -> log.append(List.of(event("attempted"), event("delivered"))));
            await().until(() -> log.queued() == 2);
            store.firstCommitMayFinish.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThat(bulk.get(10, TimeUnit.SECONDS)).hasSize(AuditGroupCommit.MAX_BATCH - 1);
            assertThat(pair.get(10, TimeUnit.SECONDS))
                    .extracting(AuditEntry::index)
                    .containsExactly((long) AuditGroupCommit.MAX_BATCH, AuditGroupCommit.MAX_BATCH + 1L);
            assertThat(store.commits).containsExactly(1, AuditGroupCommit.MAX_BATCH - 1, 2);
        }
    }

    @Test
    void closingStoresWhatIsQueuedAndRefusesLaterAppends() {
        CountingStore store = new CountingStore();
        store.firstCommitMayFinish.countDown();
        AuditGroupCommit log = new AuditGroupCommit(store::store);
        AuditEntry stored = log.append(event("before"));

        log.close();

        assertThat(stored.index()).isZero();
        assertThatThrownBy(() -> log.append(event("after")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(store.commits).containsExactly(1);
    }

    private static AuditEvent event(String step) {
        return AuditEvent.administrative(
                Instant.now().truncatedTo(ChronoUnit.MICROS), AuditEventType.ADMIN_ACTION, step, "operator", Map.of());
    }
}
