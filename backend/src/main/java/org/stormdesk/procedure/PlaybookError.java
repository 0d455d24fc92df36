package org.stormdesk.procedure;

/**
 * One thing wrong with a playbook's YAML: where (a field path such as {@code timers[0].after}, and the line),
 * and why, as a message key whose first argument is the line number.
 */
public record PlaybookError(String field, int line, String key, Object... args) {

    /** The message arguments, the line first. */
    public Object[] messageArgs() {
        Object[] all = new Object[args.length + 1];
        all[0] = String.valueOf(line);
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
