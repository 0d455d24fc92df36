package org.stormdesk.people.internal;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.app.Settings;
import org.stormdesk.people.Contact;
import org.stormdesk.people.NewPerson;
import org.stormdesk.people.People;

import java.util.List;

/**
 * At start: the first administrator from the settings (when none exists yet), and in the demo environment
 * the demo center's people (password {@code demo}) and contacts. Nothing is overwritten on a restart.
 */
@Singleton
public class PeopleSeeding implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleSeeding.class);
    static final String DEMO_PASSWORD = "demo";

    private final People people;
    private final Settings settings;
    private final Environment environment;

    public PeopleSeeding(People people, Settings settings, Environment environment) {
        this.people = people;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.adminPassword() != null && !settings.adminPassword().isBlank() && !people.anyAdmin()) {
            people.addIfAbsent(new NewPerson(settings.adminUsername(), "Administrator", List.of("admin"), null, null,
                    settings.adminPassword()));
            LOG.info("Created the first administrator '{}'", settings.adminUsername());
        }
        if (environment.getActiveNames().contains("demo")) {
            seedDemo();
        }
    }

    private void seedDemo() {
        for (int i = 1; i <= 6; i++) {
            person("agent" + i, "坐席 " + i + " / Agent " + i, List.of("agent"), "A", String.format("A-%02d", i));
        }
        person("lead1", "班长 / Team lead", List.of("supervisor"), "A", "A-07");
        person("manager", "客服中心经理 / Center manager", List.of("manager"), null, null);
        person("leader", "上级领导 / Leadership", List.of("leadership"), null, null);
        person("it", "系统维护 / IT maintenance", List.of("maintenance"), null, null);
        person("spokesperson", "发言人 / Spokesperson", List.of("spokesperson"), null, null);
        person("admin", "管理员 / Administrator", List.of("admin"), null, null);
        contact(new Contact("vendor-crm", "CRM 供应商值班 / CRM vendor on call", "Acme CRM", "vendor", "400-800-1234", "support@acme-crm.example", "crm"));
        contact(new Contact("vendor-telephony", "话务平台供应商 / Telephony vendor", "VoiceCo", "vendor", "400-800-5678", "noc@voiceco.example", "telephony"));
        contact(new Contact("property", "物业管理处 / Property management", "Tower Property", "property", "021-5555-0100", null, null));
        contact(new Contact("dept-it", "信息技术部 / IT department", "IT", "department", "021-5555-0200", "it@center.example", "network,systems"));
        contact(new Contact("dept-web", "电子商务部 / Web team", "E-commerce", "department", "021-5555-0300", "web@center.example", "website"));
        contact(new Contact("facilities", "行政后勤 / Facilities", "Facilities", "company", "021-5555-0400", null, "power,aircon"));
    }

    private void person(String username, String name, List<String> roles, String team, String seat) {
        people.addIfAbsent(new NewPerson(username, name, roles, team, seat, DEMO_PASSWORD));
    }

    private void contact(Contact contact) {
        people.addContactIfAbsent(contact);
    }
}
