package org.stormdesk.capture;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A local HTTP server standing in for the CRM: records each post and answers with the status and body it is told. */
final class CrmReceiver implements AutoCloseable {

    record Received(String body, byte[] raw, String signature) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{}";

    CrmReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(new String(body, StandardCharsets.UTF_8), body,
                    exchange.getRequestHeaders().getFirst("X-Stormdesk-Signature")));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crm/hooks";
    }

    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
