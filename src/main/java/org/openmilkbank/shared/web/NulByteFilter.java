package org.openmilkbank.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL character in a parameter or a JSON body is refused with 400 before anything reads it: PostgreSQL cannot
 * store it in text, and no person types one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulByteFilter extends OncePerRequestFilter {

    private static final String ESCAPED_NUL = "\\u0000";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        boolean refused = false;
        if (isTextBody(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            refused = containsNul(body);
            checked = new ReplayedBody(request, body);
        }
        if (!refused) {
            refused = parametersContainNul(checked);
        }
        if (refused) {
            refuse(request, response);
            return;
        }
        chain.doFilter(checked, response);
    }

    private static boolean isTextBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("json") || t.startsWith("text/");
    }

    static boolean containsNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(ESCAPED_NUL);
    }

    private static boolean parametersContainNul(HttpServletRequest request) {
        try {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                if (p.getKey().indexOf('\0') >= 0) {
                    return true;
                }
                for (String v : p.getValue()) {
                    if (v != null && v.indexOf('\0') >= 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a body the container cannot parse as parameters is for the handler to refuse
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"The request contains a NUL character, which is not allowed.\","
                            + "\"code\":\"error.input.nul\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("The request contains a NUL character, which is not allowed.");
        }
    }

    /** The request as the handler sees it: the body already read here, served again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the whole body is already in memory: it is ready at once and then finished
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
