package dev.cairn.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What Jetty answers itself, before a request reaches Javalin (a path with an encoded NUL, a
 * malformed request line, headers too large): the contract's {@code {"error","message"}} in JSON
 * instead of Jetty's HTML page, so that every error a client can meet names its problem alike.
 */
final class JettyErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body(response.getStatus(), message == null ? null : message.toString()));
    }

    private static byte[] body(int status, String reason) {
        String message = "the request was refused before it reached a route: "
                + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("error", ErrorResponses.codeOf(status))
                    .put("message", message));
        } catch (JsonProcessingException impossible) {
            return ("{\"error\":\"BAD_REQUEST\",\"message\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
