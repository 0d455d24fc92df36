package org.stormdesk.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Local HTTP receivers standing in for a webhook consumer, the chat robots and an SMS gateway: each path
 * records what it was sent and answers as told (200 with a body, 500, or not until a latch opens).
 */
final class Receivers implements AutoCloseable {

    final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> status = new ConcurrentHashMap<>();
    private final Map<String, String> answer = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    Receivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            CountDownLatch hold = holds.get(path);
            if (hold != null) {
                try {
                    hold.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int code = status.getOrDefault(path, 200);
            received.add(new Received(path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().entrySet()
                    .stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                            e -> e.getValue().getFirst())), new String(body, StandardCharsets.UTF_8), body, code));
            byte[] out = answer.getOrDefault(path, code == 200 ? "{\"errcode\":0,\"code\":0}" : "down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int code) {
        status.put(path, code);
    }

    void answer(String path, int code, String body) {
        status.put(path, code);
        answer.put(path, body);
    }

    CountDownLatch hold(String path) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(path, latch);
        return latch;
    }

    void reset() {
        received.clear();
        status.clear();
        answer.clear();
        holds.values().forEach(CountDownLatch::countDown);
        holds.clear();
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }

    record Received(String path, String query, Map<String, String> headers, String body, byte[] bytes, int answered) {
    }
}
