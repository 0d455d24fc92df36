package org.stormdesk.diversion.internal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.diversion.Diversion;
import org.stormdesk.journal.Actor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The demo center's diversion library: one approved IVR message, call script and chat auto-reply. */
@Singleton
@Requires(env = "demo")
public class DemoLibrary implements ApplicationEventListener<StartupEvent> {

    private final Diversion diversion;
    private final Messages messages;

    public DemoLibrary(Diversion diversion, Messages messages) {
        this.diversion = diversion;
        this.messages = messages;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!diversion.library().isEmpty()) {
            return;
        }
        Actor admin = new Actor("admin", Set.of("admin"));
        for (String channel : new String[] {"ivr", "script", "chat"}) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("zh-CN", messages.get(Messages.ZH_CN, "diversion.demo." + channel));
            texts.put("en", messages.get(Messages.EN, "diversion.demo." + channel));
            texts.put("zh-TW", messages.get(Messages.ZH_TW, "diversion.demo." + channel));
            diversion.add(admin, channel, messages.get(Messages.ZH_CN, "diversion.demo." + channel + ".title"), texts, true);
        }
    }
}
