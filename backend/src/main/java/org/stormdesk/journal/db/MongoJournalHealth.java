package org.stormdesk.journal.db;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** Readiness: the node takes no traffic while the MongoDB holding its journal does not answer. */
@Singleton
@Readiness
@Requires(beans = MongoJournalStore.class)
public class MongoJournalHealth implements HealthIndicator {

    private final MongoJournalStore store;

    public MongoJournalHealth(MongoJournalStore store) {
        this.store = store;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            try {
                return HealthResult.builder("journal-mongodb", HealthStatus.UP).details(Map.of("head", store.head())).build();
            } catch (RuntimeException e) {
                return HealthResult.builder("journal-mongodb", HealthStatus.DOWN).exception(e).build();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
