package org.stormdesk;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.stormdesk.journal.Journal;

import java.util.Arrays;

/**
 * Starts Stormdesk: the API and the PWA it serves. With {@code copy-journal-to-mongodb} as the first argument
 * it copies the journal from the SQL database to MongoDB instead, verifies it, and exits (docs/operations.md).
 */
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && Journal.COPY_TO_MONGODB.equals(args[0])) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            try (ApplicationContext context = ApplicationContext.builder().args(rest).deduceCloudEnvironment(false)
                    .properties(java.util.Map.of("micronaut.server.enabled", false)).start()) {
                boolean ok = context.getBean(Journal.class).copyToMongoDb(System.out);
                System.exit(ok ? 0 : 1);
            }
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .deduceCloudEnvironment(false)
                .banner(false)
                .start();
    }
}
