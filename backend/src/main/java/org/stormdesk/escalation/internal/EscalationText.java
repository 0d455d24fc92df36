package org.stormdesk.escalation.internal;

import jakarta.inject.Singleton;
import org.stormdesk.app.Messages;
import org.stormdesk.escalation.EscalationKinds;
import org.stormdesk.journal.EntryText;
import org.stormdesk.journal.StoredEntry;
import org.stormdesk.people.Contact;
import org.stormdesk.people.People;
import org.stormdesk.procedure.Playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How escalation's entries read in an incident's management log, in the reader's language. */
@Singleton
public class EscalationText implements EntryText {

    private final Messages messages;
    private final Plans plans;
    private final People people;

    public EscalationText(Messages messages, Plans plans, People people) {
        this.messages = messages;
        this.plans = plans;
        this.people = people;
    }

    @Override
    public boolean handles(String kind) {
        return EscalationKinds.ALL.contains(kind);
    }

    @Override
    public String text(StoredEntry e, Locale locale) {
        return switch (e.kind()) {
            case EscalationKinds.STEP_DONE -> messages.get(locale, "log.step.done", e.actor(), stepText(e, locale));
            case EscalationKinds.STEP_SKIPPED -> messages.get(locale, "log.step.skipped", e.actor(), stepText(e, locale), e.text("reason"));
            case EscalationKinds.CALL_REACHED -> messages.get(locale, "log.call.reached", e.actor(), party(e.text("contact"), locale), note(e, locale));
            case EscalationKinds.CALL_UNREACHED -> messages.get(locale, "log.call.unreached", e.actor(), party(e.text("contact"), locale), note(e, locale));
            case EscalationKinds.ESCALATION_FIRED -> messages.get(locale, "log.escalation.fired", e.text("clause"),
                    e.payload().get("level"), audience(e, locale), message(e, locale));
            case EscalationKinds.ESCALATION_ACKNOWLEDGED -> messages.get(locale, "log.escalation.acknowledged", e.actor());
            case EscalationKinds.ESCALATION_CANCELLED -> messages.get(locale, "log.escalation.cancelled", e.text("clause"),
                    e.payload().get("level"), messages.get(locale, "escalation.because." + e.text("because")));
            default -> e.kind();
        };
    }

    private String stepText(StoredEntry e, Locale locale) {
        String step = e.text("step");
        Optional<Playbook.Step> known = plans.plan(e.incident()).flatMap(plans::playbook).flatMap(p -> p.step(step));
        return known.map(s -> messages.get(locale, "log.step.named", s.clause(), Playbook.in(s.text(), tag(locale))))
                .orElse(step);
    }

    private String note(StoredEntry e, Locale locale) {
        return e.text("note") == null ? "" : messages.get(locale, "log.withNote", e.text("note"));
    }

    private String audience(StoredEntry e, Locale locale) {
        List<String> words = new ArrayList<>();
        if (e.payload().get("audience") instanceof List<?> list) {
            for (Object party : list) {
                words.add(party(String.valueOf(party), locale));
            }
        }
        return String.join(messages.get(locale, "escalation.listSeparator"), words);
    }

    private String party(String party, Locale locale) {
        if (party == null) {
            return "";
        }
        if (party.startsWith("role:")) {
            return messages.get(locale, "escalation.role." + party.substring(5));
        }
        String name = party.substring(party.indexOf(':') + 1);
        if (party.startsWith("contact:")) {
            return people.contacts().stream().filter(c -> c.id().equals(name)).map(Contact::name).findFirst().orElse(name);
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private String message(StoredEntry e, Locale locale) {
        if (e.payload().get("message") instanceof Map<?, ?> map) {
            return Playbook.in((Map<String, String>) map, tag(locale));
        }
        return "";
    }

    /** The playbook's language tag for a locale. */
    public static String tag(Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? "en"
                : Messages.ZH_TW.equals(locale) ? "zh-TW" : "zh-CN";
    }
}
