package org.openmilkbank.reporting.dhis2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local DHIS2 that answers {@code POST /api/dataValueSets} as DHIS2 2.38+ does: basic authentication (401 with its
 * WebMessage otherwise), the data value set read as JSON, a WebMessage wrapping an ImportSummary, and 409 with a
 * conflict per value whose data element it does not know (E7610). It records every request it was sent.
 */
final class StubDhis2 implements AutoCloseable {

    static final String USER = "bank-reporter";
    static final String PASSWORD = "district-Pa55word";

    /** How the stub answers: as DHIS2, or one of the ways a server goes wrong. */
    enum Mode {
        DHIS2,
        SERVER_ERROR,
        LOGIN_PAGE
    }

    record Request(String method, String path, String query, String authorization, String contentType, String body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Set<String> dataElements;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.DHIS2;

    StubDhis2(Set<String> dataElements) throws IOException {
        this.dataElements = Set.copyOf(dataElements);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Mode mode) {
        this.mode = mode;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body);
        requests.add(request);
        if (mode == Mode.SERVER_ERROR) {
            send(exchange, 500, "text/html", "<html><body>HTTP Status 500 – Internal Server Error</body></html>");
            return;
        }
        if (mode == Mode.LOGIN_PAGE) {
            send(exchange, 200, "text/html", "<!DOCTYPE html><html><head><title>DHIS 2 Login</title></head></html>");
            return;
        }
        if (!"POST".equals(request.method()) || !"/api/dataValueSets".equals(request.path())) {
            send(exchange, 404, "application/json", """
                    {"httpStatus":"Not Found","httpStatusCode":404,"status":"ERROR","message":"Not found"}""");
            return;
        }
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.authorization())) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"DHIS2\"");
            send(exchange, 401, "application/json", """
                    {"httpStatus":"Unauthorized","httpStatusCode":401,"status":"ERROR","message":"Unauthorized"}""");
            return;
        }
        JsonNode set = JSON.readTree(body);
        ArrayNode conflicts = JSON.createArrayNode();
        int imported = 0;
        int index = 0;
        for (JsonNode value : set.path("dataValues")) {
            String de = value.path("dataElement").asString("");
            if (dataElements.contains(de)) {
                imported++;
            } else {
                ObjectNode c = conflicts.addObject();
                c.put("object", de);
                c.putObject("objects").put("dataElement", de);
                c.put("value", "Data element not found or not accessible: `" + de + "`");
                c.put("errorCode", "E7610");
                c.put("property", "dataElement");
                c.putArray("indexes").add(index);
            }
            index++;
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("responseType", "ImportSummary");
        summary.put("status", conflicts.isEmpty() ? "SUCCESS" : "WARNING");
        summary.put("description", "Import process completed successfully");
        ObjectNode count = summary.putObject("importCount");
        count.put("imported", imported);
        count.put("updated", 0);
        count.put("ignored", conflicts.size());
        count.put("deleted", 0);
        summary.set("conflicts", conflicts);
        summary.put("dataSetComplete", "false");
        ObjectNode message = JSON.createObjectNode();
        message.put("httpStatus", conflicts.isEmpty() ? "OK" : "Conflict");
        message.put("httpStatusCode", conflicts.isEmpty() ? 200 : 409);
        message.put("status", conflicts.isEmpty() ? "OK" : "WARNING");
        message.put(
                "message",
                conflicts.isEmpty()
                        ? "Import was successful."
                        : "One more conflicts encountered, please check import summary.");
        message.set("response", summary);
        send(exchange, conflicts.isEmpty() ? 200 : 409, "application/json", JSON.writeValueAsString(message));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
