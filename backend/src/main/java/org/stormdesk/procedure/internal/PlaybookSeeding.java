package org.stormdesk.procedure.internal;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.procedure.Playbooks;

/** At start, the shipped playbooks become version 1 of every kind that has no playbook yet; nothing is overwritten. */
@Singleton
public class PlaybookSeeding implements ApplicationEventListener<StartupEvent> {

    private final Playbooks playbooks;

    public PlaybookSeeding(Playbooks playbooks) {
        this.playbooks = playbooks;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        playbooks.seedShipped();
    }
}
