-- S2.2: the fault type the manager judged (e.g. crm, telephony, network); it picks whom the playbook calls.
ALTER TABLE incident_incident ADD COLUMN fault_type VARCHAR(40);
