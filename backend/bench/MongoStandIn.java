import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server in memory (mongo-java-server), for benchmarking the MongoDB journal store where
 * no real MongoDB can be installed. Prints its port and runs until killed. Figures taken against it measure
 * Stormdesk and the driver, not MongoDB's own storage engine.
 */
final class MongoStandIn {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
