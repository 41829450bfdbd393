package org.openmilkbank.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The test application's own hub endpoints on a loopback port: a JDK {@code HttpServer} that hands each request, its
 * headers and body, to the application through {@link MockMvc}, so a bank's sender and client really cross HTTP.
 * {@link #stop()} makes an outage and {@link #restart()} brings the hub back on the same port.
 */
public final class LoopbackHub implements AutoCloseable {

    private final MockMvc mvc;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loseAnswers = new AtomicBoolean();
    private HttpServer server;
    private int port;

    private LoopbackHub(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A hub on a free loopback port. */
    public static LoopbackHub start(MockMvc mvc) {
        LoopbackHub hub = new LoopbackHub(mvc);
        hub.listen(0);
        return hub;
    }

    private void listen(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The hub goes away: its port answers nothing. */
    public void stop() {
        server.stop(0);
    }

    /** The hub is back on the same port. */
    public void restart() {
        listen(port);
    }

    /** When set, the hub handles each request but its answer is lost on the way back (a 502). */
    public void loseAnswers(boolean lose) {
        loseAnswers.set(lose);
    }

    /** Every request body that reached the hub, in order. */
    public List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    public URI uri() {
        return URI.create(url());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(body);
            MockHttpServletRequestBuilder forwarded = MockMvcRequestBuilders.request(
                            HttpMethod.valueOf(exchange.getRequestMethod()),
                            exchange.getRequestURI().toString())
                    .content(body);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                    values.forEach(v -> forwarded.header(name, v));
                }
            });
            MockHttpServletResponse answer = mvc.perform(forwarded).andReturn().getResponse();
            if (loseAnswers.get()) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] out = answer.getContentAsByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getStatus(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
